import Foundation
import RegistryClient
import RegistryPKI
import RegistryWire
import Testing

/// SIGHUP reloads the server's certificate, key and client CA without dropping a connection,
/// and a bad file keeps the old ones (issue 12.7), through the real registryd binary.
@Suite("End to end: TLS reload on SIGHUP", .serialized)
struct TLSReloadTests {
    struct Generation {
        let ca: CertificateAuthority
        let client: ClientTLS

        init(_ name: String) throws {
            ca = try CertificateAuthority.create(commonName: name)
            let credential = try ca.issueClient(commonName: "ministry", identityURI: "spiffe://registry.bailiff.kz/role/ministry")
            client = ClientTLS(
                certificatePEM: credential.certificatePEM, privateKeyPEM: credential.privateKeyPEM,
                trustedCAPEM: ca.certificatePEM, serverName: "localhost")
        }

        func install(in folder: URL) throws {
            let server = try ca.issueServer(commonName: "registryd", dnsNames: ["localhost"], ipAddresses: [[127, 0, 0, 1]])
            try server.certificatePEM.write(to: folder.appendingPathComponent("server.pem"), atomically: true, encoding: .utf8)
            try server.privateKeyPEM.write(to: folder.appendingPathComponent("server-key.pem"), atomically: true, encoding: .utf8)
            try ca.certificatePEM.write(to: folder.appendingPathComponent("ca.pem"), atomically: true, encoding: .utf8)
        }
    }

    static func health(_ tls: ClientTLS, port: Int) async -> Bool {
        guard let connection = try? await RegistryConnection.connect(host: "127.0.0.1", port: port, tls: tls) else { return false }
        defer { Task { await connection.close() } }
        return (try? await HealthStub(connection: connection).check(WireHealthCheckRequest())) != nil
    }

    /// Retries for up to five seconds: the server picks the signal up asynchronously.
    static func eventually(_ condition: () async -> Bool) async throws -> Bool {
        for _ in 0..<50 {
            if await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func sighupServesNewConnectionsWithTheNewCertificatesKeepsOpenOnesAndABadFileKeepsTheOld() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-reload-\(UUID().uuidString)")
        let tlsFolder = folder.appendingPathComponent("tls")
        try FileManager.default.createDirectory(at: tlsFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Generation("First CA")
        let second = try Generation("Second CA")
        try first.install(in: tlsFolder)

        let port = Int.random(in: 20_000..<40_000)
        let server = Process()
        server.executableURL = ExecutableTests.binaries.appendingPathComponent("registryd")
        server.arguments = [
            "--dev", "--dev-clock", TestRegistry.defaultMoment, "--data", folder.appendingPathComponent("data").path,
            "--port", String(port), "--log-level", "info",
            "--cert", tlsFolder.appendingPathComponent("server.pem").path,
            "--key", tlsFolder.appendingPathComponent("server-key.pem").path,
            "--ca", tlsFolder.appendingPathComponent("ca.pem").path,
        ]
        let log = Pipe()
        server.standardError = log
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        #expect(try await Self.eventually { await Self.health(first.client, port: port) })
        let open = try await RegistryConnection.connect(host: "127.0.0.1", port: port, tls: first.client)

        try second.install(in: tlsFolder)
        kill(server.processIdentifier, SIGHUP)
        #expect(try await Self.eventually { await Self.health(second.client, port: port) })
        // The connection made before the reload is still served; a new one under the old CA is not.
        _ = try await HealthStub(connection: open).check(WireHealthCheckRequest())
        #expect(await !Self.health(first.client, port: port))

        // A broken certificate file: the server keeps serving with what it has, and says so.
        try "not a certificate".write(to: tlsFolder.appendingPathComponent("server.pem"), atomically: true, encoding: .utf8)
        kill(server.processIdentifier, SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        #expect(server.isRunning)
        #expect(await Self.health(second.client, port: port))
        await open.close()

        let (exited, output) = await ExecutableTests.terminate(server, log: log)  // SIGTERM
        #expect(exited == 0, "\(output)")
        #expect(output.contains("reloaded the TLS certificate, key and client CA on SIGHUP"), "\(output)")
        #expect(output.contains("SIGHUP: kept the previous TLS material"), "\(output)")
    }
}
