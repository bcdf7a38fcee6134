import Crypto
import Foundation
import SwiftASN1
import X509

extension CertificateAuthority {
    /// A v2 CRL of this CA revoking `serials`, signed with its key, as PEM: for a development
    /// PKI and for tests. A production CA publishes its own (e.g. `openssl ca -gencrl`).
    public func revocationListPEM(revoking serials: [Certificate.SerialNumber], thisUpdate: Date, nextUpdate: Date) throws -> String {
        let ecdsaWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 2]
        var tbs = DER.Serializer()
        try tbs.appendConstructedNode(identifier: .sequence) { list in
            try list.serialize(1)  // v2
            try list.appendConstructedNode(identifier: .sequence) { try $0.serialize(ecdsaWithSHA256) }
            try list.serialize(certificate.subject)
            try list.serialize(try Self.utcTime(thisUpdate))
            try list.serialize(try Self.utcTime(nextUpdate))
            if !serials.isEmpty {
                try list.appendConstructedNode(identifier: .sequence) { entries in
                    for serial in serials {
                        try entries.appendConstructedNode(identifier: .sequence) { entry in
                            try entry.serialize(serial.bytes)
                            try entry.serialize(try Self.utcTime(thisUpdate))
                        }
                    }
                }
            }
        }
        let signature = try key.signature(for: tbs.serializedBytes).derRepresentation
        var crl = DER.Serializer()
        try crl.appendConstructedNode(identifier: .sequence) { outer in
            outer.serializeRawBytes(tbs.serializedBytes)
            try outer.appendConstructedNode(identifier: .sequence) { try $0.serialize(ecdsaWithSHA256) }
            try outer.serialize(ASN1BitString(bytes: ArraySlice(signature)))
        }
        return PEMDocument(type: "X509 CRL", derBytes: crl.serializedBytes).pemString
    }

    private static func utcTime(_ date: Date) throws -> UTCTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return try UTCTime(year: p.year!, month: p.month!, day: p.day!, hours: p.hour!, minutes: p.minute!, seconds: p.second!)
    }
}
