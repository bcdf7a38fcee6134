import Crypto
import Foundation
import SwiftASN1
import X509

/// An X.509 certificate revocation list (RFC 5280 §5), as a CA publishes it: who issued it,
/// when, until when it is current, and the serial numbers it revokes. registryd refuses a
/// client whose certificate a loaded list revokes (issue 12.7). Only what that check needs is
/// read; entry and list extensions are kept in the signed bytes but not interpreted.
public struct RevocationList: Sendable {
    public let issuer: DistinguishedName
    public let thisUpdate: Date
    public let nextUpdate: Date?
    /// Serial numbers as their DER INTEGER content bytes, as `Certificate.SerialNumber.bytes`.
    public let revokedSerials: Set<[UInt8]>
    let signedBytes: [UInt8]
    let signatureAlgorithm: ASN1ObjectIdentifier
    let signature: [UInt8]

    public init(derEncoded der: [UInt8]) throws {
        let root = try DER.parse(der)
        var fields: (DistinguishedName, Date, Date?, Set<[UInt8]>, ASN1ObjectIdentifier, [UInt8])?
        var signed: [UInt8] = []
        try DER.sequence(root, identifier: .sequence) { nodes in
            guard let tbs = nodes.next() else { throw RevocationListError("no TBSCertList") }
            signed = Array(tbs.encodedBytes)
            let (issuer, thisUpdate, nextUpdate, serials) = try Self.readTBS(tbs)
            let algorithm = try DER.sequence(of: ASN1ObjectIdentifier.self, identifier: .sequence, rootNode: try Self.next(&nodes))
            let bits = try ASN1BitString(derEncoded: &nodes)
            guard let oid = algorithm.first else { throw RevocationListError("signature algorithm without an identifier") }
            fields = (issuer, thisUpdate, nextUpdate, serials, oid, Array(bits.bytes))
        }
        guard let (issuer, thisUpdate, nextUpdate, serials, algorithm, signature) = fields else {
            throw RevocationListError("not a CertificateList")
        }
        self.issuer = issuer
        self.thisUpdate = thisUpdate
        self.nextUpdate = nextUpdate
        self.revokedSerials = serials
        self.signedBytes = signed
        self.signatureAlgorithm = algorithm
        self.signature = signature
    }

    /// Every `X509 CRL` block of a PEM file; a file with none is an error.
    public static func lists(pem text: String) throws -> [RevocationList] {
        let documents = try PEMDocument.parseMultiple(pemString: text).filter { $0.discriminator == "X509 CRL" }
        guard !documents.isEmpty else { throw RevocationListError("no \"-----BEGIN X509 CRL-----\" block") }
        return try documents.map { try RevocationList(derEncoded: $0.derBytes) }
    }

    /// The lists of a PEM file, each of which must be issued by one of the CAs in `caPEM` (the
    /// CAs that sign the clients): a list nobody trusted signed could revoke anyone.
    public static func lists(pem text: String, issuedByOneOf caPEM: String) throws -> [RevocationList] {
        let cas = try PEMDocument.parseMultiple(pemString: caPEM).map { try Certificate(derEncoded: $0.derBytes) }
        let lists = try lists(pem: text)
        for list in lists where !cas.contains(where: list.isSigned(by:)) {
            throw RevocationListError("the list issued by \(list.issuer) is not signed by a client CA")
        }
        return lists
    }

    /// Whether `ca` issued this list: its subject is the list's issuer and its key made the signature.
    public func isSigned(by ca: Certificate) -> Bool {
        guard ca.subject == issuer, let algorithm = Self.algorithms[signatureAlgorithm] else { return false }
        return ca.publicKey.isValidSignature(signature, for: signedBytes, signatureAlgorithm: algorithm)
    }

    /// Whether this list revokes `certificate`: same issuer, serial on the list.
    public func revokes(_ certificate: Certificate) -> Bool {
        certificate.issuer == issuer && revokedSerials.contains(Array(certificate.serialNumber.bytes))
    }

    /// The signature algorithms registryd's CAs use (RFC 5758, RFC 4055, RFC 8410).
    static let algorithms: [ASN1ObjectIdentifier: Certificate.SignatureAlgorithm] = [
        [1, 2, 840, 10045, 4, 3, 2]: .ecdsaWithSHA256, [1, 2, 840, 10045, 4, 3, 3]: .ecdsaWithSHA384,
        [1, 2, 840, 10045, 4, 3, 4]: .ecdsaWithSHA512, [1, 2, 840, 113549, 1, 1, 11]: .sha256WithRSAEncryption,
        [1, 2, 840, 113549, 1, 1, 12]: .sha384WithRSAEncryption, [1, 2, 840, 113549, 1, 1, 13]: .sha512WithRSAEncryption,
        [1, 3, 101, 112]: .ed25519,
    ]

    private static func next(_ nodes: inout ASN1NodeCollection.Iterator) throws -> ASN1Node {
        guard let node = nodes.next() else { throw RevocationListError("truncated") }
        return node
    }

    /// TBSCertList: version?, signature, issuer, thisUpdate, nextUpdate?, revokedCertificates?, [0] extensions?
    private static func readTBS(_ tbs: ASN1Node) throws -> (DistinguishedName, Date, Date?, Set<[UInt8]>) {
        try DER.sequence(tbs, identifier: .sequence) { nodes in
            var node = try next(&nodes)
            if node.identifier == .integer { node = try next(&nodes) }  // version v2
            guard node.identifier == .sequence else { throw RevocationListError("no signature algorithm in the TBSCertList") }
            let issuer = try DistinguishedName(derEncoded: try next(&nodes))
            let thisUpdate = try date(try next(&nodes))
            var nextUpdate: Date?
            var serials = Set<[UInt8]>()
            while let node = nodes.next() {
                switch node.identifier {
                case .utcTime, .generalizedTime: nextUpdate = try date(node)
                case .sequence:
                    try DER.sequence(of: RevokedEntry.self, identifier: .sequence, rootNode: node).forEach { serials.insert($0.serial) }
                default: break  // [0] crlExtensions
                }
            }
            return (issuer, thisUpdate, nextUpdate, serials)
        }
    }

    private static func date(_ node: ASN1Node) throws -> Date {
        switch node.identifier {
        case .utcTime:
            let t = try UTCTime(derEncoded: node)
            return try utc(t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        case .generalizedTime:
            let t = try GeneralizedTime(derEncoded: node)
            return try utc(t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        default: throw RevocationListError("a time that is neither UTCTime nor GeneralizedTime")
        }
    }

    private static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: parts) else { throw RevocationListError("an impossible date") }
        return date
    }
}

/// One revokedCertificates entry: serial, revocation date, extensions?
private struct RevokedEntry: DERParseable {
    let serial: [UInt8]

    init(derEncoded node: ASN1Node) throws {
        serial = try DER.sequence(node, identifier: .sequence) { nodes in
            let serial = try ArraySlice<UInt8>(derEncoded: &nodes)
            while nodes.next() != nil {}
            return Array(serial)
        }
    }
}

/// A revocation list that does not parse or does not check; says what is wrong with it.
public struct RevocationListError: Error, CustomStringConvertible {
    public let description: String
    init(_ problem: String) { description = "certificate revocation list: \(problem)" }
}
