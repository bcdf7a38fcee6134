import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    public func inspections(of license: LicenseNumber) throws -> [Inspection] {
        try Row.fetchAll(db, sql: "SELECT * FROM inspection WHERE license_number = ? ORDER BY scheduled_on, id", arguments: [license.value])
            .map(Self.inspection(from:))
    }

    public func inspection(_ id: Int64) throws -> Inspection? {
        try Row.fetchOne(db, sql: "SELECT * FROM inspection WHERE id = ?", arguments: [id]).map(Self.inspection(from:))
    }

    public func violations(of license: LicenseNumber) throws -> [ViolationRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM violation WHERE license_number = ? ORDER BY committed_on, id", arguments: [license.value])
            .map { row in
                guard let number = LicenseNumber(row["license_number"] as String), let committed = LocalDate(row["committed_on"] as String),
                    let established = LocalDate(row["established_on"] as String)
                else { throw StoreCorruption("violation \(row["id"] as Int64) has a malformed row") }
                return ViolationRecord(
                    id: row["id"], licenseNumber: number, committedOn: committed, establishedOn: established,
                    source: row["source"], description: row["description"])
            }
    }

    static func inspection(from row: Row) throws -> Inspection {
        guard let number = LicenseNumber(row["license_number"] as String), let kind = Inspection.Kind(rawValue: row["kind"]),
            let scheduled = LocalDate(row["scheduled_on"] as String), let status = Inspection.Status(rawValue: row["status"])
        else { throw StoreCorruption("inspection \(row["id"] as Int64) has a malformed row") }
        return Inspection(
            id: row["id"], licenseNumber: number, kind: kind, scheduledOn: scheduled, inspectedBy: row["inspected_by"],
            trigger: row["trigger"], status: status, completedOn: (row["completed_on"] as String?).flatMap { LocalDate($0) },
            findings: row["findings"])
    }
}

extension StoreTransaction {
    public func insert(_ inspection: Inspection) throws -> Inspection {
        try db.execute(
            sql: """
                INSERT INTO inspection (license_number, kind, scheduled_on, inspected_by, trigger, status) VALUES (?, ?, ?, ?, ?, 'scheduled')
                """,
            arguments: [
                inspection.licenseNumber.value, inspection.kind.rawValue, inspection.scheduledOn.description, inspection.inspectedBy,
                inspection.trigger,
            ])
        var stored = inspection
        stored.id = db.lastInsertedRowID
        return stored
    }

    public func complete(_ inspection: Inspection) throws {
        try db.execute(
            sql: "UPDATE inspection SET status = 'completed', completed_on = ?, findings = ? WHERE id = ? AND status = 'scheduled'",
            arguments: [inspection.completedOn?.description, inspection.findings, inspection.id])
        guard db.changesCount == 1 else { throw StoreCorruption("inspection \(inspection.id) was completed concurrently") }
    }

    public func insertDocumentRequest(inspection: Int64, sentOn: LocalDate, dueOn: LocalDate, subject: String) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO document_request (inspection_id, sent_on, due_on, subject) VALUES (?, ?, ?, ?)",
            arguments: [inspection, sentOn.description, dueOn.description, subject])
        return db.lastInsertedRowID
    }

    public func insert(_ violation: ViolationRecord, recordedBy: String) throws -> ViolationRecord {
        try db.execute(
            sql: """
                INSERT INTO violation (license_number, committed_on, established_on, source, description, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                violation.licenseNumber.value, violation.committedOn.description, violation.establishedOn.description,
                violation.source, violation.description, recordedBy,
            ])
        var stored = violation
        stored.id = db.lastInsertedRowID
        return stored
    }
}
