import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    /// The territorial bodies' registrations of a license holder (168.1.4), oldest first.
    public func accountingRegistrations(of license: LicenseNumber) throws -> [AccountingRegistration] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM accounting_registration WHERE license_number = ? ORDER BY registered_on, id", arguments: [license.value]
        ).map { row in
            guard let day = LocalDate(row["registered_on"] as String) else {
                throw StoreCorruption("accounting registration \(row["id"] as Int64) has a malformed date")
            }
            return AccountingRegistration(
                id: row["id"], licenseNumber: license, registeredOn: day, region: row["region"],
                reference: row["reference"], recordedBy: row["recorded_by"])
        }
    }

    /// His recorded paid activities besides practice (149), oldest first.
    public func otherPaidActivities(of license: LicenseNumber) throws -> [OtherPaidActivity] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM other_paid_activity WHERE license_number = ? ORDER BY from_date, id", arguments: [license.value]
        ).map { row in
            guard let kind = OtherPaidActivity.Kind(rawValue: row["kind"]), let from = LocalDate(row["from_date"] as String) else {
                throw StoreCorruption("other paid activity \(row["id"] as Int64) has a malformed row")
            }
            return OtherPaidActivity(
                id: row["id"], licenseNumber: license, kind: kind, from: from,
                to: (row["to_date"] as String?).flatMap { LocalDate($0) }, description: row["description"], source: row["source"])
        }
    }
}

extension StoreTransaction {
    public func insert(_ registration: AccountingRegistration, at now: Instant) throws -> AccountingRegistration {
        try db.execute(
            sql: """
                INSERT INTO accounting_registration (license_number, registered_on, region, reference, recorded_by, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                registration.licenseNumber.value, registration.registeredOn.description, registration.region, registration.reference,
                registration.recordedBy, now.millisecondsSinceEpoch,
            ])
        return AccountingRegistration(
            id: db.lastInsertedRowID, licenseNumber: registration.licenseNumber, registeredOn: registration.registeredOn,
            region: registration.region, reference: registration.reference, recordedBy: registration.recordedBy)
    }

    public func insert(_ activity: OtherPaidActivity, recordedBy: String, at now: Instant) throws -> OtherPaidActivity {
        try db.execute(
            sql: """
                INSERT INTO other_paid_activity (license_number, kind, from_date, to_date, description, source, recorded_by, recorded_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                activity.licenseNumber.value, activity.kind.rawValue, activity.from.description, activity.to?.description,
                activity.description, activity.source, recordedBy, now.millisecondsSinceEpoch,
            ])
        return OtherPaidActivity(
            id: db.lastInsertedRowID, licenseNumber: activity.licenseNumber, kind: activity.kind, from: activity.from,
            to: activity.to, description: activity.description, source: activity.source)
    }
}
