import SwiftASN1
import X509

/// Reads the identity URIs (URI SANs) out of a DER certificate, for the server's
/// mapping from a verified client certificate to a principal.
public enum PeerIdentity {
    public static func uris(inDER der: [UInt8]) throws -> [String] {
        let certificate = try Certificate(derEncoded: der)
        guard let sans = try certificate.extensions.subjectAlternativeNames else { return [] }
        return sans.compactMap { name in
            if case .uniformResourceIdentifier(let uri) = name { return uri }
            return nil
        }
    }
}
