import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    public func duesPaid(by license: LicenseNumber) throws -> Set<Quarter> {
        Set(
            try String.fetchAll(db, sql: "SELECT quarter FROM dues_payment WHERE license_number = ?", arguments: [license.value])
                .compactMap(Quarter.init))
    }

    public func duesExemptions(of license: LicenseNumber) throws -> [Dues.Exemption] {
        try Row.fetchAll(db, sql: "SELECT * FROM dues_exemption WHERE license_number = ? ORDER BY from_date", arguments: [license.value])
            .map { row in
                guard let reason = Dues.ExemptionReason(rawValue: row["reason"]), let from = LocalDate(row["from_date"] as String),
                    let to = LocalDate(row["to_date"] as String)
                else { throw StoreCorruption("dues exemption \(row["id"] as Int64) has a malformed row") }
                return Dues.Exemption(reason: reason, from: from, to: to)
            }
    }
}

extension StoreTransaction {
    public func insertDuesPayment(license: LicenseNumber, quarter: Quarter, paidOn: LocalDate, reference: String) throws {
        try db.execute(
            sql: "INSERT INTO dues_payment (license_number, quarter, paid_on, reference) VALUES (?, ?, ?, ?)",
            arguments: [license.value, quarter.description, paidOn.description, reference])
    }

    public func insertDuesExemption(license: LicenseNumber, _ exemption: Dues.Exemption, reference: String) throws {
        try db.execute(
            sql: "INSERT INTO dues_exemption (license_number, reason, from_date, to_date, reference) VALUES (?, ?, ?, ?, ?)",
            arguments: [license.value, exemption.reason.rawValue, exemption.from.description, exemption.to.description, reference])
    }
}
