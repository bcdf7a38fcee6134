import Enforcement
import GRDB

/// A temporary replacement (153-1) as stored.
public struct StoredReplacement: Hashable, Sendable, Codable {
    public enum State: String, Hashable, Sendable, Codable {
        case scheduled, active, ended
    }

    public let id: Int64
    public let replacedLicense: String
    public let substituteLicense: String
    /// annualLeave, studyLeave, illness, businessTrip, other (153-1.2).
    public let ground: String
    public let from: LocalDate
    public let to: LocalDate
    public let reference: String
    public let recordedBy: String
    public let state: State
}

extension StoreQueries {
    public func replacement(_ id: Int64) throws -> StoredReplacement? {
        try Row.fetchOne(db, sql: "SELECT * FROM temporary_replacement WHERE id = ?", arguments: [id]).map(Self.replacement(from:))
    }

    /// Replacements concerning a license (as replaced or substitute), newest first; all when nil.
    public func replacements(license: String?, limit: Int = 500) throws -> [StoredReplacement] {
        if let license {
            return try Row.fetchAll(
                db,
                sql: "SELECT * FROM temporary_replacement WHERE replaced_license = ? OR substitute_license = ? ORDER BY id DESC LIMIT ?",
                arguments: [license, license, limit]
            ).map(Self.replacement(from:))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM temporary_replacement ORDER BY id DESC LIMIT ?", arguments: [limit]).map(
            Self.replacement(from:))
    }

    /// The replacement a proceeding is currently with, if any.
    public func activeReplacement(of proceeding: String) throws -> StoredReplacement? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT r.* FROM replacement_item i JOIN temporary_replacement r ON r.id = i.replacement_id
                WHERE i.proceeding_number = ? AND i.state = 'moved' AND r.state = 'active'
                """, arguments: [proceeding]
        ).map(Self.replacement(from:))
    }

    /// Scheduled replacements due to start on `date`, and active ones over before it.
    public func replacementsToStart(on date: LocalDate) throws -> [StoredReplacement] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM temporary_replacement WHERE state = 'scheduled' AND from_date <= ? ORDER BY id",
            arguments: [date.description]
        )
        .map(Self.replacement(from:))
    }

    public func replacementsToEnd(on date: LocalDate) throws -> [StoredReplacement] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM temporary_replacement WHERE state = 'active' AND to_date < ? ORDER BY id", arguments: [date.description]
        )
        .map(Self.replacement(from:))
    }

    /// Proceedings of a replacement still with the substitute.
    public func movedItems(of replacement: Int64) throws -> [String] {
        try String.fetchAll(
            db,
            sql: "SELECT proceeding_number FROM replacement_item WHERE replacement_id = ? AND state = 'moved' ORDER BY proceeding_number",
            arguments: [replacement])
    }

    static func replacement(from row: Row) throws -> StoredReplacement {
        guard let from = LocalDate(row["from_date"] as String), let to = LocalDate(row["to_date"] as String),
            let state = StoredReplacement.State(rawValue: row["state"])
        else { throw StoreCorruption("replacement \(row["id"] as Int64) has a malformed row") }
        return StoredReplacement(
            id: row["id"], replacedLicense: row["replaced_license"], substituteLicense: row["substitute_license"],
            ground: row["ground"], from: from, to: to, reference: row["reference"], recordedBy: row["recorded_by"], state: state)
    }
}

extension StoreTransaction {
    public func insertReplacement(
        replaced: String, substitute: String, ground: String, from: LocalDate, to: LocalDate,
        reference: String, recordedBy: String, at now: Instant
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO temporary_replacement (replaced_license, substitute_license, ground, from_date, to_date, reference, recorded_by, state, created_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', ?)
                """,
            arguments: [replaced, substitute, ground, from.description, to.description, reference, recordedBy, now.millisecondsSinceEpoch]
        )
        return db.lastInsertedRowID
    }

    public func setReplacementState(_ id: Int64, _ state: StoredReplacement.State) throws {
        try db.execute(sql: "UPDATE temporary_replacement SET state = ? WHERE id = ?", arguments: [state.rawValue, id])
    }

    public func addReplacementItem(_ id: Int64, proceeding: String) throws {
        try db.execute(
            sql: "INSERT INTO replacement_item (replacement_id, proceeding_number, state) VALUES (?, ?, 'moved')",
            arguments: [id, proceeding])
    }

    /// What happened to one proceeding of a replacement: returned, returnedToCreditor, transferred.
    public func setReplacementItem(_ id: Int64, proceeding: String, state: String) throws {
        try db.execute(
            sql: "UPDATE replacement_item SET state = ? WHERE replacement_id = ? AND proceeding_number = ? AND state = 'moved'",
            arguments: [state, id, proceeding])
        guard db.changesCount == 1 else { throw StoreCorruption("proceeding \(proceeding) of replacement \(id) was already settled") }
    }

    /// The unused advance goes back to the creditor (52.5, 153-1.3 ¶2): what was paid becomes what was used.
    func returnUnusedAdvance(_ number: String) throws {
        try db.execute(
            sql:
                "UPDATE proceeding_details SET details = json_set(details, '$.advancePaidTiyn', json_extract(details, '$.advanceUsedTiyn')) WHERE number = ?",
            arguments: [number])
    }

    /// The proceeding goes to another district's regional chamber (52.4.2); the unused advance is returned (52.5).
    public func relocate(_ number: String, to district: String, reason: String, at now: Instant) throws {
        try db.execute(
            sql: "UPDATE proceeding SET district = ?, holder_license = NULL WHERE number = ? AND status = 'open'",
            arguments: [district, number])
        guard db.changesCount == 1 else { throw StoreCorruption("proceeding \(number) is not open") }
        try returnUnusedAdvance(number)
        try settleReplacementItems([number])
        try appendAssignment(number, holder: .regionalChamber(district: district), reason: reason, jobID: nil, explanation: nil, at: now)
    }

    /// The proceeding leaves the registry's care: the document went back to the creditor (48.1, 153-1.3).
    /// The unused advance goes back with the document (153-1.3 ¶2), so the closed record keeps none.
    public func closeProceeding(_ number: String, from holder: EnforcementProceeding.Holder, reason: String, at now: Instant) throws {
        try db.execute(
            sql: "UPDATE proceeding SET status = 'closed' WHERE number = ? AND status = 'open' AND holder_license IS ?",
            arguments: [number, Self.license(of: holder)])
        guard db.changesCount == 1 else { throw StoreCorruption("proceeding \(number) is not open with \(holder)") }
        try returnUnusedAdvance(number)
        try settleReplacementItems([number])
        try appendAssignment(number, holder: holder, reason: reason, jobID: nil, explanation: nil, at: now)
    }
}
