import Foundation
import NIOSSL

/// PEM material for a TLS endpoint: its chain, its key, and the CA that signs
/// the peers it accepts.
public struct TLSMaterial: Sendable {
    public let certificateChainPEM: String
    public let privateKeyPEM: String
    public let trustedCAPEM: String

    public init(certificateChainPEM: String, privateKeyPEM: String, trustedCAPEM: String) {
        self.certificateChainPEM = certificateChainPEM
        self.privateKeyPEM = privateKeyPEM
        self.trustedCAPEM = trustedCAPEM
    }

    /// Reads the three files, naming the one that is missing or unreadable.
    public init(certificateFile: String, keyFile: String, caFile: String) throws {
        func read(_ path: String, _ what: String) throws -> String {
            do {
                return try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ConfigurationError("cannot read \(what) '\(path)': \(error.localizedDescription)")
            }
        }
        self.init(certificateChainPEM: try read(certificateFile, "certificate"),
                  privateKeyPEM: try read(keyFile, "private key"),
                  trustedCAPEM: try read(caFile, "CA certificate"))
    }

    /// Server side: TLS 1.2 minimum (1.3 negotiated whenever the client offers it),
    /// a client certificate required and verified against the CA.
    func serverConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificateChainPEM.utf8)).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        let roots = try NIOSSLCertificate.fromPEMBytes(Array(trustedCAPEM.utf8))
        var tls = TLSConfiguration.makeServerConfigurationWithMTLS(certificateChain: chain, privateKey: .privateKey(key), trustRoots: .certificates(roots))
        tls.minimumTLSVersion = .tlsv12
        tls.certificateVerification = .noHostnameVerification
        return tls
    }
}

/// A configuration problem that stops the server from starting.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
