import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    /// The district the Chamber placed the bailiff in on `date` (163-1.1.3-2); nil before any placement.
    public func placement(of license: LicenseNumber, on date: LocalDate) throws -> String? {
        try String.fetchOne(
            db,
            sql: """
                SELECT district FROM placement WHERE license_number = ? AND from_date <= ? ORDER BY from_date DESC, id DESC LIMIT 1
                """, arguments: [license.value, date.description])
    }
}

extension StoreTransaction {
    /// Records a placement and makes it the license's current district; the history stays.
    public func place(
        _ license: LicenseNumber, in district: String, from date: LocalDate, decision: String, recordedBy: String, at now: Instant
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO placement (license_number, district, from_date, decision, recorded_by, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [license.value, district, date.description, decision, recordedBy, now.millisecondsSinceEpoch])
        try db.execute(sql: "UPDATE license SET district = ? WHERE number = ?", arguments: [district, license.value])
        try db.execute(
            sql: "UPDATE bailiff SET district = ? WHERE iin = (SELECT holder_iin FROM license WHERE number = ?)",
            arguments: [district, license.value])
    }
}
