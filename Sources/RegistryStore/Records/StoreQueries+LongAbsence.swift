import Enforcement
import GRDB

/// A bailiff's absence of more than a month (148.1.9-2), as a recorded status with its period.
public struct StoredLongAbsence: Hashable, Sendable, Codable {
    public let id: Int64
    public let licenseNumber: String
    public let from: LocalDate
    /// The expected last day, when known.
    public let until: LocalDate?
    /// The day he is back, once the chamber records it.
    public let returnedOn: LocalDate?
    public let reason: String
    public let reference: String
    public let recordedBy: String
    public let returnReference: String?

    /// Absent on `date`: from the first day, through the expected last day, until he is back.
    public func covers(_ date: LocalDate) -> Bool {
        from <= date && (until.map { date <= $0 } ?? true) && (returnedOn.map { date < $0 } ?? true)
    }
}

extension StoreQueries {
    public func longAbsences(of license: String) throws -> [StoredLongAbsence] {
        try Row.fetchAll(db, sql: "SELECT * FROM long_absence WHERE license_number = ? ORDER BY from_date, id", arguments: [license])
            .map(Self.longAbsence(from:))
    }

    public func longAbsence(_ id: Int64) throws -> StoredLongAbsence? {
        try Row.fetchOne(db, sql: "SELECT * FROM long_absence WHERE id = ?", arguments: [id]).map(Self.longAbsence(from:))
    }

    /// Licenses under a temporary replacement (153-1) on `date`, as the replaced bailiff:
    /// scheduled or running, whose period covers the day.
    public func replacedLicenses(on date: LocalDate) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT replaced_license FROM temporary_replacement WHERE state IN ('scheduled', 'active') AND from_date <= ? AND to_date >= ?
                    """, arguments: [date.description, date.description]))
    }

    static func longAbsence(from row: Row) throws -> StoredLongAbsence {
        guard let from = LocalDate(row["from_date"] as String) else {
            throw StoreCorruption("absence \(row["id"] as Int64) has a malformed date")
        }
        return StoredLongAbsence(
            id: row["id"], licenseNumber: row["license_number"], from: from,
            until: (row["until_date"] as String?).flatMap { LocalDate($0) },
            returnedOn: (row["returned_on"] as String?).flatMap { LocalDate($0) },
            reason: row["reason"], reference: row["reference"], recordedBy: row["recorded_by"], returnReference: row["return_reference"]
        )
    }
}

extension StoreTransaction {
    public func insertLongAbsence(
        license: String, from: LocalDate, until: LocalDate?, reason: String, reference: String,
        recordedBy: String, at now: Instant
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO long_absence (license_number, from_date, until_date, reason, reference, recorded_by, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [license, from.description, until?.description, reason, reference, recordedBy, now.millisecondsSinceEpoch])
        return db.lastInsertedRowID
    }

    public func recordReturn(absence id: Int64, on date: LocalDate, reference: String) throws {
        try db.execute(
            sql: "UPDATE long_absence SET returned_on = ?, return_reference = ? WHERE id = ? AND returned_on IS NULL",
            arguments: [date.description, reference, id])
        guard db.changesCount == 1 else { throw StoreCorruption("absence \(id) already has a return") }
    }
}
