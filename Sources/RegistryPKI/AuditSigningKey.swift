import Crypto
import Foundation

/// The Ed25519 key registryd signs audit checkpoints with, kept as PEM files beside the
/// server's TLS key and never in the database: `audit-signing-key.pem` (PKCS #8, mode 0600)
/// and `audit-signing-key.pub.pem` (SubjectPublicKeyInfo), in the encodings of RFC 8410, so
/// `openssl pkey -in … -pubout` reads them too.
public enum AuditSigningKey {
    public static let fileName = "audit-signing-key.pem"

    /// The DER of RFC 8410 around a raw 32-byte key: id-Ed25519 (1.3.101.112) wrapped as
    /// PKCS #8 for the private key and as SubjectPublicKeyInfo for the public one.
    static let privatePrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    static let publicPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// The public key's file beside a private key's.
    public static func publicKeyFile(for privateKey: URL) -> URL {
        privateKey.deletingPathExtension().appendingPathExtension("pub.pem")
    }

    /// Reads the key at `url`, or creates it (and its public half beside it) when absent.
    public static func loadOrCreate(at url: URL) throws -> Curve25519.Signing.PrivateKey {
        if FileManager.default.fileExists(atPath: url.path) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw Invalid(description: "cannot read audit signing key '\(url.path)'")
            }
            return try privateKey(pem: text, source: url.path)
        }
        let key = Curve25519.Signing.PrivateKey()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(pem("PRIVATE KEY", privatePrefix + key.rawRepresentation).utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        try Data(publicKeyPEM(key.publicKey).utf8).write(to: publicKeyFile(for: url), options: .atomic)
        return key
    }

    public static func publicKeyPEM(_ key: Curve25519.Signing.PublicKey) -> String {
        pem("PUBLIC KEY", publicPrefix + key.rawRepresentation)
    }

    public static func privateKey(pem text: String, source: String) throws -> Curve25519.Signing.PrivateKey {
        let der = try derBytes(text, label: "PRIVATE KEY", source: source)
        guard der.count == 48, Array(der.prefix(16)) == privatePrefix else {
            throw Invalid(description: "'\(source)' is not an Ed25519 private key (PKCS #8, RFC 8410)")
        }
        return try Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
    }

    public static func publicKey(pem text: String, source: String) throws -> Curve25519.Signing.PublicKey {
        let der = try derBytes(text, label: "PUBLIC KEY", source: source)
        guard der.count == 44, Array(der.prefix(12)) == publicPrefix else {
            throw Invalid(description: "'\(source)' is not an Ed25519 public key (SubjectPublicKeyInfo, RFC 8410)")
        }
        return try Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
    }

    static func pem(_ label: String, _ der: [UInt8]) -> String {
        let base64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }

    static func derBytes(_ text: String, label: String, source: String) throws -> [UInt8] {
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end), start.upperBound <= stop.lowerBound,
            let der = Data(base64Encoded: String(text[start.upperBound..<stop.lowerBound]), options: .ignoreUnknownCharacters)
        else {
            throw Invalid(description: "'\(source)' holds no PEM '\(label)'")
        }
        return Array(der)
    }
}
