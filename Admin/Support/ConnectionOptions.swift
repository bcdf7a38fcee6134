import ArgumentParser
import Foundation
import RegistryClient
import RegistryPKI
import RegistryWire

/// How to reach registryd and as whom.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Server address host:port.")
    var server: String = "127.0.0.1:\(ProtocolConstants.defaultPort)"

    @Option(help: "Data folder of a --dev server, whose pki/ holds the development client certificates.")
    var data: String = ProcessInfo.processInfo.environment["REGISTRY_DATA"] ?? "registry-data"

    @Option(help: "Development identity to use: \(DevelopmentPKILayout.developmentClients.map(\.name).joined(separator: ", ")).")
    var role: String = "ministry"

    @Option(help: "Client certificate (PEM); with --key and --ca instead of the development PKI.")
    var cert: String?

    @Option(help: "Client private key (PEM).")
    var key: String?

    @Option(help: "CA certificate that signed the server's certificate (PEM).")
    var ca: String?

    @Option(help: "Call timeout in seconds.")
    var timeout: UInt32 = 30

    @Flag(help: "Print JSON (protobuf canonical JSON of the response) instead of tables.")
    var json = false

    func tls() throws -> ClientTLS {
        if cert != nil || key != nil || ca != nil {
            guard let cert, let key, let ca else { throw AdminFailure("--cert, --key and --ca go together") }
            return try ClientTLS(certificateFile: cert, keyFile: key, caFile: ca)
        }
        let layout = DevelopmentPKILayout(dataFolder: URL(fileURLWithPath: data))
        guard DevelopmentPKILayout.developmentClients.contains(where: { $0.name == role }) else {
            throw AdminFailure(
                "unknown --role '\(role)'; one of: \(DevelopmentPKILayout.developmentClients.map(\.name).joined(separator: ", "))")
        }
        guard FileManager.default.fileExists(atPath: layout.clientCertificate(role).path) else {
            throw AdminFailure(
                "no development certificate at \(layout.clientCertificate(role).path); start `registryd --dev` first, or give --cert/--key/--ca"
            )
        }
        var tls = try ClientTLS(
            certificateFile: layout.clientCertificate(role).path, keyFile: layout.clientKey(role).path, caFile: layout.caCertificate.path)
        tls.serverName = "localhost"
        return tls
    }

    func endpoint() throws -> (host: String, port: Int) {
        guard let colon = server.lastIndex(of: ":"), let port = Int(server[server.index(after: colon)...]) else {
            throw AdminFailure("--server must be host:port, got '\(server)'")
        }
        return (String(server[..<colon]), port)
    }

    var callOptions: CallOptions { CallOptions(timeoutMilliseconds: timeout * 1000) }

    /// As `run`, for a mutation: `body` gets the call options carrying the idempotency key.
    func mutate(_ idempotencyKey: String?, _ body: (RegistryConnection, CallOptions) async throws -> Void) async throws {
        var options = callOptions
        options.idempotencyKey = idempotencyKey
        let mutation = options
        try await run { try await body($0, mutation) }
    }

    /// Connects, runs `body`, closes; an `RPCError` becomes one line on stderr and exit status 1.
    func run(_ body: (RegistryConnection) async throws -> Void) async throws {
        do {
            let (host, port) = try endpoint()
            let connection = try await RegistryConnection.connect(host: host, port: port, tls: try tls(), peerName: "registry-admin")
            do {
                try await body(connection)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        } catch let error as RPCError {
            printError(error.description)
            throw ExitCode(1)
        } catch let error as AdminFailure {
            printError(error.description)
            throw ExitCode(1)
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("cannot reach registryd at \(server): \(error)")
            throw ExitCode(1)
        }
    }
}

struct AdminFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data("error: \(line)\n".utf8))
}
