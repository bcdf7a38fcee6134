import SwiftASN1
import X509

/// Reads the identity URIs (URI SANs) out of a DER certificate, for the server's
/// mapping from a verified client certificate to a principal.
public enum PeerIdentity {
    public static func uris(inDER der: [UInt8]) throws -> [String] {
        try uris(of: Certificate(derEncoded: der))
    }

    /// The identity URIs of a certificate none of `lists` revokes; a revoked one throws
    /// `CertificateRevoked`, naming its serial and the list's issuer.
    public static func uris(inDER der: [UInt8], unlessRevokedBy lists: [RevocationList]) throws -> [String] {
        let certificate = try Certificate(derEncoded: der)
        if let list = lists.first(where: { $0.revokes(certificate) }) {
            throw CertificateRevoked(serial: "\(certificate.serialNumber)", issuer: "\(list.issuer)")
        }
        return try uris(of: certificate)
    }

    static func uris(of certificate: Certificate) throws -> [String] {
        guard let sans = try certificate.extensions.subjectAlternativeNames else { return [] }
        return sans.compactMap { name in
            if case .uniformResourceIdentifier(let uri) = name { return uri }
            return nil
        }
    }
}

/// A client certificate a loaded revocation list names.
public struct CertificateRevoked: Error, CustomStringConvertible {
    public let serial: String
    public let issuer: String
    public var description: String { "client certificate \(serial) is revoked by the revocation list of \(issuer)" }
}
