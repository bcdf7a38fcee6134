import Enforcement
import Foundation

/// Where a development PKI lives inside a data folder, so that registryd and
/// registry-admin find the same files without being told:
/// ```
/// <data>/pki/ca.pem, ca-key.pem
/// <data>/pki/server.pem, server-key.pem
/// <data>/pki/clients/<name>.pem, <name>-key.pem
/// ```
public struct DevelopmentPKILayout: Sendable {
    public let root: URL

    public init(dataFolder: URL) { self.root = dataFolder.appendingPathComponent("pki", isDirectory: true) }

    public var caCertificate: URL { root.appendingPathComponent("ca.pem") }
    public var caKey: URL { root.appendingPathComponent("ca-key.pem") }
    public var serverCertificate: URL { root.appendingPathComponent("server.pem") }
    public var serverKey: URL { root.appendingPathComponent("server-key.pem") }
    public var clientsFolder: URL { root.appendingPathComponent("clients", isDirectory: true) }
    public func clientCertificate(_ name: String) -> URL { clientsFolder.appendingPathComponent("\(name).pem") }
    public func clientKey(_ name: String) -> URL { clientsFolder.appendingPathComponent("\(name)-key.pem") }

    /// The development client identities: one per role; regional roles in Almaty city under the
    /// role's name, and in every district as `<role>-<district>` (e.g. `regionalChamber-shymkent`);
    /// the bailiff with a placeholder license number.
    public static let developmentClients: [(name: String, uri: String)] =
        baseClients
        + ["territorialBody", "regionalChamber", "attestationCommission"].flatMap { role in
            EnforcementDistrict.all.map { ("\(role)-\($0.code)", "spiffe://registry.bailiff.kz/role/\(role)/region/\($0.code)") }
        }

    static let baseClients: [(name: String, uri: String)] = [
        ("ministry", "spiffe://registry.bailiff.kz/role/ministry"),
        ("territorialBody", "spiffe://registry.bailiff.kz/role/territorialBody/region/almaty-city"),
        ("attestationCommission", "spiffe://registry.bailiff.kz/role/attestationCommission/region/almaty-city"),
        ("republicanChamber", "spiffe://registry.bailiff.kz/role/republicanChamber"),
        ("regionalChamber", "spiffe://registry.bailiff.kz/role/regionalChamber/region/almaty-city"),
        ("prosecutor", "spiffe://registry.bailiff.kz/role/prosecutor"),
        ("bailiff", "spiffe://registry.bailiff.kz/role/bailiff/license/2026-000001"),
        ("auditor", "spiffe://registry.bailiff.kz/role/auditor"),
        ("system", "spiffe://registry.bailiff.kz/role/system"),
    ]

    public var isComplete: Bool {
        let fm = FileManager.default
        return [caCertificate, serverCertificate, serverKey].allSatisfy { fm.fileExists(atPath: $0.path) }
            && Self.developmentClients.allSatisfy { fm.fileExists(atPath: clientCertificate($0.name).path) }
    }

    /// Creates the CA, server and client certificates if they are not there yet.
    /// Keys are written with mode 0600.
    public func ensure(serverNames: [String] = ["localhost"], serverIPs: [[UInt8]] = [[127, 0, 0, 1]]) throws {
        if isComplete { return }
        let fm = FileManager.default
        try fm.createDirectory(at: clientsFolder, withIntermediateDirectories: true)
        let ca = try CertificateAuthority.create(commonName: "Bailiff Registry Development CA")
        try write(ca.certificatePEM, to: caCertificate, secret: false)
        try write(ca.privateKeyPEM, to: caKey, secret: true)
        let server = try ca.issueServer(commonName: "registryd", dnsNames: serverNames, ipAddresses: serverIPs)
        try write(server.certificatePEM, to: serverCertificate, secret: false)
        try write(server.privateKeyPEM, to: serverKey, secret: true)
        for client in Self.developmentClients {
            let credential = try ca.issueClient(commonName: client.name, identityURI: client.uri)
            try write(credential.certificatePEM, to: clientCertificate(client.name), secret: false)
            try write(credential.privateKeyPEM, to: clientKey(client.name), secret: true)
        }
    }

    private func write(_ text: String, to url: URL, secret: Bool) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: secret ? 0o600 : 0o644], ofItemAtPath: url.path)
    }
}
