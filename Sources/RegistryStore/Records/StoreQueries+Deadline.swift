import Enforcement
import GRDB
import Licensing

/// A deadline as stored: the domain's `LicenseDeadline` and how it stands.
public struct StoredDeadline: Hashable, Sendable {
    public let id: Int64
    public let deadline: LicenseDeadline
    public let setAt: Instant
    public let closedAt: Instant?
    /// What closed it: the later decision, the annulment, the completed hand-over.
    public let closedBy: String?
    /// When the overdue alert was first raised.
    public let alertedAt: Instant?
}

extension StoreQueries {
    /// Deadlines of one license, or all open ones due before `dueBefore` (the overdue list), oldest due first.
    public func deadlines(license: LicenseNumber? = nil, openOnly: Bool, dueBefore: LocalDate? = nil, limit: Int = 1000) throws
        -> [StoredDeadline]
    {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let license {
            clauses.append("license_number = ?")
            arguments += [license.value]
        }
        if openOnly { clauses.append("closed_at_ms IS NULL") }
        if let dueBefore {
            clauses.append("due_on < ?")
            arguments += [dueBefore.description]
        }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(
            db, sql: "SELECT * FROM license_deadline" + whereSQL + " ORDER BY due_on, id LIMIT ?", arguments: arguments + [limit]
        )
        .map { row in
            guard let number = LicenseNumber(row["license_number"] as String), let kind = LicenseDeadline.Kind(rawValue: row["kind"]),
                let due = LocalDate(row["due_on"] as String)
            else { throw StoreCorruption("deadline \(row["id"] as Int64) has a malformed row") }
            return StoredDeadline(
                id: row["id"],
                deadline: LicenseDeadline(kind: kind, licenseNumber: number, entry: row["entry"], owner: row["owner"], dueOn: due),
                setAt: Instant(millisecondsSinceEpoch: row["set_at_ms"]),
                closedAt: (row["closed_at_ms"] as Int64?).map(Instant.init(millisecondsSinceEpoch:)), closedBy: row["closed_by"],
                alertedAt: (row["alerted_at_ms"] as Int64?).map(Instant.init(millisecondsSinceEpoch:))
            )
        }
    }
}

extension StoreTransaction {
    public func insert(_ deadline: LicenseDeadline, at now: Instant) throws {
        try db.execute(
            sql: "INSERT INTO license_deadline (license_number, entry, kind, owner, due_on, set_at_ms) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                deadline.licenseNumber.value, deadline.entry, deadline.kind.rawValue, deadline.owner, deadline.dueOn.description,
                now.millisecondsSinceEpoch,
            ]
        )
    }

    /// Closes the open deadlines of `license` that match, saying what closed them.
    public func closeDeadlines(
        of license: LicenseNumber, kinds: Set<LicenseDeadline.Kind>, entry: Int? = nil, closedBy: String, at now: Instant
    ) throws {
        let kindList = kinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        var sql =
            "UPDATE license_deadline SET closed_at_ms = ?, closed_by = ? WHERE license_number = ? AND closed_at_ms IS NULL AND kind IN (\(kindList))"
        var arguments: StatementArguments = [now.millisecondsSinceEpoch, closedBy, license.value]
        if let entry {
            sql += " AND entry = ?"
            arguments += [entry]
        }
        try db.execute(sql: sql, arguments: arguments)
    }

    /// Marks overdue deadlines as alerted, once: returns those alerted now for the first time.
    public func alertOverdueDeadlines(on date: LocalDate, at now: Instant) throws -> [StoredDeadline] {
        let fresh = try deadlines(openOnly: true, dueBefore: date).filter { $0.alertedAt == nil }
        for stored in fresh {
            try db.execute(
                sql: "UPDATE license_deadline SET alerted_at_ms = ? WHERE id = ?", arguments: [now.millisecondsSinceEpoch, stored.id])
        }
        return fresh
    }
}
