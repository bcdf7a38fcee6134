import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    public func complaints(of license: LicenseNumber) throws -> [Complaint] {
        try Row.fetchAll(db, sql: "SELECT * FROM complaint WHERE license_number = ? ORDER BY id", arguments: [license.value]).map(
            Self.complaint(from:))
    }

    public func complaint(_ id: Int64) throws -> Complaint? {
        try Row.fetchOne(db, sql: "SELECT * FROM complaint WHERE id = ?", arguments: [id]).map(Self.complaint(from:))
    }

    static func complaint(from row: Row) throws -> Complaint {
        guard let number = LicenseNumber(row["license_number"] as String), let received = LocalDate(row["received_on"] as String),
            let status = Complaint.Status(rawValue: row["status"])
        else { throw StoreCorruption("complaint \(row["id"] as Int64) has a malformed row") }
        return Complaint(
            id: row["id"], licenseNumber: number, receivedOn: received, complainant: row["complainant"], summary: row["summary"],
            district: row["district"], status: status, outcome: row["outcome"], inspectionID: row["inspection_id"],
            disciplinaryProceedingID: row["disciplinary_proceeding_id"])
    }
}

extension StoreTransaction {
    public func insert(_ complaint: Complaint, recordedBy: String) throws -> Complaint {
        try db.execute(
            sql: """
                INSERT INTO complaint (license_number, received_on, complainant, summary, district, recorded_by, status) VALUES (?, ?, ?, ?, ?, ?, 'open')
                """,
            arguments: [
                complaint.licenseNumber.value, complaint.receivedOn.description, complaint.complainant, complaint.summary,
                complaint.district, recordedBy,
            ])
        var stored = complaint
        stored.id = db.lastInsertedRowID
        return stored
    }

    public func close(_ complaint: Complaint) throws {
        try db.execute(
            sql: """
                UPDATE complaint SET status = 'closed', outcome = ?, inspection_id = ?, disciplinary_proceeding_id = ? WHERE id = ? AND status = 'open'
                """, arguments: [complaint.outcome, complaint.inspectionID, complaint.disciplinaryProceedingID, complaint.id])
        guard db.changesCount == 1 else { throw StoreCorruption("complaint \(complaint.id) was closed concurrently") }
    }
}
