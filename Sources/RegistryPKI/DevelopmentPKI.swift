import Crypto
import Foundation
import SwiftASN1
import X509

/// A certificate and its private key, both PEM.
public struct IssuedCredential: Sendable {
    public let certificatePEM: String
    public let privateKeyPEM: String

    /// The certificate's serial number, as a revocation list names it.
    public var serialNumber: Certificate.SerialNumber {
        get throws { try Certificate(pemEncoded: certificatePEM).serialNumber }
    }
}

/// A private CA that issues the server certificate and one client certificate
/// per identity, in process (P-256, ECDSA-SHA256). Used by `registryd --dev`
/// and by the tests; never for production, whose PKI is the operator's.
public struct CertificateAuthority: Sendable {
    public let certificate: Certificate
    let key: P256.Signing.PrivateKey

    public var certificatePEM: String { (try? certificate.serializeAsPEM().pemString) ?? "" }
    public var privateKeyPEM: String { key.pemRepresentation }

    /// A new CA named `commonName`, valid from an hour ago for `years`.
    public static func create(commonName: String, years: Int = 10, now: Date = Date()) throws -> CertificateAuthority {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("Bailiff Registry")
            CommonName(commonName)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(Double(years) * 365 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: .init(key.publicKey))
            },
            issuerPrivateKey: .init(key)
        )
        return CertificateAuthority(certificate: certificate, key: key)
    }

    /// Loads a CA written earlier by `pem` files.
    public init(certificatePEM: String, privateKeyPEM: String) throws {
        self.certificate = try Certificate(pemEncoded: certificatePEM)
        self.key = try P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
    }

    init(certificate: Certificate, key: P256.Signing.PrivateKey) {
        self.certificate = certificate
        self.key = key
    }

    /// A TLS server certificate for the given DNS names and IP addresses.
    public func issueServer(commonName: String, dnsNames: [String], ipAddresses: [[UInt8]], years: Int = 2, now: Date = Date()) throws
        -> IssuedCredential
    {
        let names =
            dnsNames.map { GeneralName.dnsName($0) }
            + ipAddresses.map { GeneralName.ipAddress(ASN1OctetString(contentBytes: ArraySlice($0))) }
        return try issue(commonName: commonName, usage: .serverAuth, names: names, years: years, now: now)
    }

    /// A TLS client certificate carrying `identityURI` as its URI SAN.
    public func issueClient(commonName: String, identityURI: String, years: Int = 2, now: Date = Date()) throws -> IssuedCredential {
        try issue(commonName: commonName, usage: .clientAuth, names: [.uniformResourceIdentifier(identityURI)], years: years, now: now)
    }

    private func issue(commonName: String, usage: ExtendedKeyUsage.Usage, names: [GeneralName], years: Int, now: Date) throws
        -> IssuedCredential
    {
        let leafKey = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            OrganizationName("Bailiff Registry")
            CommonName(commonName)
        }
        let leaf = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: .init(leafKey.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(Double(years) * 365 * 86_400),
            issuer: certificate.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([usage])
                SubjectAlternativeNames(names)
            },
            issuerPrivateKey: .init(key)
        )
        return IssuedCredential(certificatePEM: try leaf.serializeAsPEM().pemString, privateKeyPEM: leafKey.pemRepresentation)
    }
}
