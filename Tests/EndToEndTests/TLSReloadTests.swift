import Foundation
import RegistryClient
import RegistryPKI
import RegistryWire
import Testing

/// SIGHUP reloads the server's certificate, key, client CA and revocation list without dropping a connection,
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

    /// registryd --dev on `port`, serving the TLS files in `tls` (and its CRL, when `crl`).
    static func launch(folder: URL, tls: URL, port: Int, crl: Bool = false) throws -> (Process, Pipe) {
        let server = Process()
        server.executableURL = ExecutableTests.binaries.appendingPathComponent("registryd")
        server.arguments =
            [
                "--dev", "--dev-clock", TestRegistry.defaultMoment, "--data", folder.appendingPathComponent("data").path,
                "--port", String(port), "--log-level", "info",
                "--cert", tls.appendingPathComponent("server.pem").path,
                "--key", tls.appendingPathComponent("server-key.pem").path,
                "--ca", tls.appendingPathComponent("ca.pem").path,
            ] + (crl ? ["--client-crl", tls.appendingPathComponent("crl.pem").path] : [])
        let log = Pipe()
        server.standardError = log
        try server.run()
        return (server, log)
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
        let (server, log) = try Self.launch(folder: folder, tls: tlsFolder, port: port)
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
        #expect(output.contains("reloaded the TLS certificate, key, client CA and revocation list on SIGHUP"), "\(output)")
        #expect(output.contains("SIGHUP: kept the previous TLS material"), "\(output)")
    }

    @Test func aClientCertificateTheCRLRevokesIsRefusedAndSighupReloadsTheList() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-crl-\(UUID().uuidString)")
        let tlsFolder = folder.appendingPathComponent("tls")
        try FileManager.default.createDirectory(at: tlsFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let generation = try Generation("Registry CA")
        try generation.install(in: tlsFolder)
        let bailiff = try generation.ca.issueClient(
            commonName: "bailiff", identityURI: "spiffe://registry.bailiff.kz/role/bailiff/license/2026-000001")
        let bailiffTLS = ClientTLS(
            certificatePEM: bailiff.certificatePEM, privateKeyPEM: bailiff.privateKeyPEM, trustedCAPEM: generation.ca.certificatePEM,
            serverName: "localhost")
        let now = Date(timeIntervalSince1970: 1_780_000_000)  // the list's dates are not checked: a fixed moment
        func writeCRL(_ ca: CertificateAuthority, revoking serials: [IssuedCredential]) throws {
            let pem = try ca.revocationListPEM(
                revoking: try serials.map { try $0.serialNumber }, thisUpdate: now, nextUpdate: now.addingTimeInterval(86_400))
            try pem.write(to: tlsFolder.appendingPathComponent("crl.pem"), atomically: true, encoding: .utf8)
        }
        try writeCRL(generation.ca, revoking: [])

        let port = Int.random(in: 20_000..<40_000)
        let (server, log) = try Self.launch(folder: folder, tls: tlsFolder, port: port, crl: true)
        defer { if server.isRunning { server.terminate() } }
        #expect(try await Self.eventually { await Self.health(bailiffTLS, port: port) })
        let open = try await RegistryConnection.connect(host: "127.0.0.1", port: port, tls: bailiffTLS)

        // The CA revokes the bailiff's certificate; SIGHUP loads the new list.
        try writeCRL(generation.ca, revoking: [bailiff])
        kill(server.processIdentifier, SIGHUP)
        #expect(try await Self.eventually { await !Self.health(bailiffTLS, port: port) })
        var refusal: RPCError?
        do {
            let connection = try await RegistryConnection.connect(host: "127.0.0.1", port: port, tls: bailiffTLS)
            _ = try await HealthStub(connection: connection).check(WireHealthCheckRequest())
        } catch let error as RPCError {
            refusal = error
        }
        #expect(refusal?.code == .unauthenticated)
        #expect(refusal?.message.contains("is revoked by the revocation list of") == true, "\(String(describing: refusal))")
        // Others are still served, and so is the connection opened before the list changed.
        #expect(await Self.health(generation.client, port: port))
        _ = try await HealthStub(connection: open).check(WireHealthCheckRequest())
        await open.close()

        // A list some other CA signed is not believed: the server keeps the one it has.
        try writeCRL(try CertificateAuthority.create(commonName: "Registry CA"), revoking: [])
        kill(server.processIdentifier, SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        #expect(await !Self.health(bailiffTLS, port: port))

        let (exited, output) = await ExecutableTests.terminate(server, log: log)
        #expect(exited == 0, "\(output)")
        #expect(output.contains("refused a revoked client certificate"), "\(output)")
        #expect(output.contains("is not signed by a client CA"), "\(output)")
    }
}
