import Foundation
import NIOSSL

/// The client's certificate and key (its identity) and the CA it trusts for the server.
public struct ClientTLS: Sendable {
    public let certificatePEM: String
    public let privateKeyPEM: String
    public let trustedCAPEM: String
    /// Name the server certificate must carry; defaults to the host connected to.
    public var serverName: String?

    public init(certificatePEM: String, privateKeyPEM: String, trustedCAPEM: String, serverName: String? = nil) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
        self.trustedCAPEM = trustedCAPEM
        self.serverName = serverName
    }

    /// Reads the three PEM files, naming the one that cannot be read.
    public init(certificateFile: String, keyFile: String, caFile: String) throws {
        func read(_ path: String, _ what: String) throws -> String {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ClientConfigurationError(description: "cannot read \(what) '\(path)'")
            }
            return text
        }
        self.init(
            certificatePEM: try read(certificateFile, "certificate"), privateKeyPEM: try read(keyFile, "private key"),
            trustedCAPEM: try read(caFile, "CA certificate"))
    }

    /// The NIOSSL client configuration, for tools that open raw TLS channels.
    public func configuration() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(trustedCAPEM.utf8)))
        // No certificate means no identity: the server will refuse the handshake (used by tests and probes).
        if !certificatePEM.isEmpty {
            tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8)).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem))
        }
        tls.certificateVerification = .fullVerification
        return tls
    }
}

public struct ClientConfigurationError: Error, CustomStringConvertible {
    public let description: String
}
