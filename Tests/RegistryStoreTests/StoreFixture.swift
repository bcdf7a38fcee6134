import Enforcement
import Foundation
import Licensing
import RegistryStore

/// A store in a fresh temporary folder, removed when the fixture is released.
final class StoreFixture {
    let folder: URL
    let store: RegistryStore

    init(readers: Int = 8) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try RegistryStore(path: folder.appendingPathComponent("registry.sqlite").path, readers: readers)
    }

    var path: String { folder.appendingPathComponent("registry.sqlite").path }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    static func iin(_ first11: String) -> IIN {
        let digits = first11.compactMap(\.wholeNumberValue)
        return try! IIN(first11 + String(IIN.checkDigit(digits)!))
    }

    static func person(_ first11: String = "90010130001", surname: String = "Ахметов") -> Person {
        Person(
            iin: iin(first11), name: PersonName(surname: surname, givenName: "Ержан", patronymic: nil),
            residenceDistrict: "almaty-city", education: .higherLegal,
            facts: [PersonFact(kind: .citizenship, from: LocalDate("1990-01-01")!)],
            registeredAt: Instant(millisecondsSinceEpoch: 1_772_000_000_000))
    }

    static func license(_ number: LicenseNumber, holder: Person) -> License {
        License(
            number: number, holder: holder.iin, holderName: holder.name, district: "almaty-city",
            issuedOn: LocalDate("2026-03-03")!, basis: .exemption(.judge, evidence: "order"), status: .active,
            deprivationClaimPending: false,
            history: [
                StatusChange(
                    kind: .issued, status: .active, decisionDate: LocalDate("2026-03-03")!, decidedAt: Instant(millisecondsSinceEpoch: 1),
                    effectiveDate: LocalDate("2026-03-03")!, legalBasis: "142.1", groundCode: nil, actor: "ministry", requestID: "r")
            ])
    }

    static func entry(_ n: Int) -> AuditEntry {
        AuditEntry(
            at: Instant(millisecondsSinceEpoch: Int64(n)), principal: "spiffe://registry.bailiff.kz/role/ministry",
            method: "Licensing/IssueLicense", requestID: "r\(n)", requestDigest: String(repeating: "a", count: 64),
            outcome: "OK", subject: "license:\(n)")
    }
}
