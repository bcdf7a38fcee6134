import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    /// The register of assistants (156): of one employer, or of one person, oldest first.
    public func assistants(employer: LicenseNumber? = nil, person: IIN? = nil) throws -> [Assistant] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM assistant WHERE (? IS NULL OR employer_license = ?) AND (? IS NULL OR iin = ?) ORDER BY employed_from, id
                """, arguments: [employer?.value, employer?.value, person?.digits, person?.digits]
        ).map(Self.assistant(from:))
    }

    public func assistant(_ id: Int64) throws -> Assistant? {
        try Row.fetchOne(db, sql: "SELECT * FROM assistant WHERE id = ?", arguments: [id]).map(Self.assistant(from:))
    }

    static func assistant(from row: Row) throws -> Assistant {
        guard let iin = IIN(stored: row["iin"] as String), let employer = LicenseNumber(row["employer_license"] as String),
            let from = LocalDate(row["employed_from"] as String), let certified = LocalDate(row["certificate_on"] as String),
            let status = Assistant.Status(rawValue: row["status"])
        else { throw StoreCorruption("assistant \(row["id"] as Int64) has a malformed row") }
        return Assistant(
            id: row["id"], person: iin, employer: employer, contract: row["contract"], employedFrom: from,
            certificate: .init(number: row["certificate"], issuedOn: certified, programme: row["programme"]), status: status,
            endedOn: (row["ended_on"] as String?).flatMap { LocalDate($0) }, endReason: row["end_reason"])
    }
}

extension StoreTransaction {
    public func insert(_ assistant: Assistant, recordedBy: String, at now: Instant) throws -> Assistant {
        try db.execute(
            sql: """
                INSERT INTO assistant (iin, employer_license, contract, employed_from, certificate, certificate_on, programme, status, recorded_by, recorded_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'employed', ?, ?)
                """,
            arguments: [
                assistant.person.digits, assistant.employer.value, assistant.contract, assistant.employedFrom.description,
                assistant.certificate.number, assistant.certificate.issuedOn.description, assistant.certificate.programme,
                recordedBy, now.millisecondsSinceEpoch,
            ])
        var stored = assistant
        stored.id = db.lastInsertedRowID
        return stored
    }

    public func end(_ assistant: Assistant) throws {
        try db.execute(
            sql: "UPDATE assistant SET status = 'ended', ended_on = ?, end_reason = ? WHERE id = ? AND status = 'employed'",
            arguments: [assistant.endedOn?.description, assistant.endReason, assistant.id])
        guard db.changesCount == 1 else { throw StoreCorruption("assistant \(assistant.id) was ended concurrently") }
    }
}
