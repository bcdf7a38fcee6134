import Foundation
import NIOSSL
import RegistryPKI

/// PEM material for a TLS endpoint: its chain, its key, the CA that signs the peers it
/// accepts, and optionally that CA's revocation lists.
public struct TLSMaterial: Sendable {
    public let certificateChainPEM: String
    public let privateKeyPEM: String
    public let trustedCAPEM: String
    /// `X509 CRL` blocks; a client certificate one of them revokes is refused (issue 12.7).
    public let revocationListPEM: String?

    public init(certificateChainPEM: String, privateKeyPEM: String, trustedCAPEM: String, revocationListPEM: String? = nil) {
        self.certificateChainPEM = certificateChainPEM
        self.privateKeyPEM = privateKeyPEM
        self.trustedCAPEM = trustedCAPEM
        self.revocationListPEM = revocationListPEM
    }

    /// Reads the files, naming the one that is missing or unreadable.
    public init(certificateFile: String, keyFile: String, caFile: String, revocationListFile: String? = nil) throws {
        func read(_ path: String, _ what: String) throws -> String {
            do {
                return try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ConfigurationError("cannot read \(what) '\(path)': \(error.localizedDescription)")
            }
        }
        self.init(
            certificateChainPEM: try read(certificateFile, "certificate"),
            privateKeyPEM: try read(keyFile, "private key"),
            trustedCAPEM: try read(caFile, "CA certificate"),
            revocationListPEM: try revocationListFile.map { try read($0, "certificate revocation list") })
    }

    /// The revocation lists, each checked to be signed by the client CA; none without a file.
    func revocationLists() throws -> [RevocationList] {
        guard let revocationListPEM else { return [] }
        do {
            return try RevocationList.lists(pem: revocationListPEM, issuedByOneOf: trustedCAPEM)
        } catch {
            throw ConfigurationError("\(error)")
        }
    }

    /// Server side: TLS 1.2 minimum (1.3 negotiated whenever the client offers it),
    /// a client certificate required and verified against the CA. TLS 1.2 offers only
    /// forward-secret AEAD suites (ECDHE with AES-GCM or ChaCha20-Poly1305): BoringSSL's
    /// default list also accepted CBC with SHA-1 (issue 12). TLS 1.3's suites are all AEAD.
    func serverConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificateChainPEM.utf8)).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        let roots = try NIOSSLCertificate.fromPEMBytes(Array(trustedCAPEM.utf8))
        var tls = TLSConfiguration.makeServerConfigurationWithMTLS(
            certificateChain: chain, privateKey: .privateKey(key), trustRoots: .certificates(roots))
        tls.minimumTLSVersion = .tlsv12
        tls.cipherSuiteValues = Self.tls12CipherSuites
        tls.certificateVerification = .noHostnameVerification
        return tls
    }
}

extension TLSMaterial {
    static let tls12CipherSuites: [NIOTLSCipher] = [
        .TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, .TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        .TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, .TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        .TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, .TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ]
}

/// A configuration problem that stops the server from starting.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
