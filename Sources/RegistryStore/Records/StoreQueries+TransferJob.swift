import Enforcement
import Foundation
import GRDB

/// A mass transfer after a bailiff lost the right to act (DOMAIN.md §4.6a), as stored.
public struct TransferJob: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, Codable {
        /// Proceedings are with the regional chamber and being reassigned batch by batch.
        case reassigning
        /// Every proceeding went to a receiving bailiff.
        case completed
        /// Every proceeding was tried; some had no eligible receiver and stay with the regional chamber.
        case blocked
        /// The triggering decision was annulled before any proceeding moved on (143.8, 144.6).
        case cancelled
    }

    public let id: Int64
    public let licenseNumber: String
    /// What triggered it: a history entry kind ("suspended", "terminated", …), "debtorRelocated", "replacementEnded".
    public let trigger: String
    /// The license history entry, for license decisions.
    public let triggerEntry: Int?
    /// The ruling or order, for other triggers.
    public let triggerReference: String?
    public let district: String
    public let seed: UInt64
    public let policy: TransferPolicy
    public let state: State
    public let total: Int
    public let reassigned: Int
    public let stranded: Int
    public let createdAt: Instant
    public let finishedAt: Instant?

    /// "2026-000001#1 suspended", or "2026-000001 debtorRelocated (ruling 12)".
    public var triggerDescription: String {
        if let triggerEntry { return "\(licenseNumber)#\(triggerEntry) \(trigger)" }
        return "\(licenseNumber) \(trigger)" + (triggerReference.map { " (\($0))" } ?? "")
    }
}

extension StoreQueries {
    public func transferJob(_ id: Int64) throws -> TransferJob? {
        try Row.fetchOne(db, sql: "SELECT * FROM transfer_job WHERE id = ?", arguments: [id]).map(Self.job(from:))
    }

    /// Newest first; only one license's when given.
    public func transferJobs(license: String?, state: TransferJob.State?, limit: Int) throws -> [TransferJob] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let license { clauses.append("license_number = ?"); arguments += [license] }
        if let state { clauses.append("state = ?"); arguments += [state.rawValue] }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT * FROM transfer_job" + whereSQL + " ORDER BY id DESC LIMIT ?", arguments: arguments + [limit])
            .map(Self.job(from:))
    }

    /// The proceedings of a job still to place, in the job's order.
    public func pendingItems(of job: Int64, limit: Int) throws -> [EnforcementProceeding] {
        try Row.fetchAll(db, sql: """
            SELECT p.* FROM transfer_item i JOIN proceeding p ON p.number = i.proceeding_number
            WHERE i.job_id = ? AND i.state = 'pending' ORDER BY i.position LIMIT ?
            """, arguments: [job, limit]).map(Self.proceeding(from:))
    }

    static func job(from row: Row) throws -> TransferJob {
        guard let state = TransferJob.State(rawValue: row["state"]),
              let policy = try? JSONDecoder().decode(TransferPolicy.self, from: Data((row["policy"] as String).utf8))
        else { throw StoreCorruption("transfer job \(row["id"] as Int64) has a malformed row") }
        return TransferJob(
            id: row["id"], licenseNumber: row["license_number"], trigger: row["trigger"], triggerEntry: row["trigger_entry"],
            triggerReference: row["trigger_reference"],
            district: row["district"], seed: UInt64(bitPattern: row["seed"]), policy: policy, state: state,
            total: row["total"], reassigned: row["reassigned"], stranded: row["stranded"],
            createdAt: Instant(millisecondsSinceEpoch: row["created_at_ms"]),
            finishedAt: (row["finished_at_ms"] as Int64?).map(Instant.init(millisecondsSinceEpoch:))
        )
    }
}

extension StoreTransaction {
    /// Creates the job for `proceedings` (already moved to the regional chamber), in their order.
    public func createTransferJob(license: String, trigger: String, triggerEntry: Int?, triggerReference: String? = nil, district: String, seed: UInt64,
                                  policy: TransferPolicy, proceedings: [String], at now: Instant) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(
            sql: """
            INSERT INTO transfer_job (license_number, trigger, trigger_entry, trigger_reference, district, seed, policy, state, total, created_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'reassigning', ?, ?)
            """,
            arguments: [license, trigger, triggerEntry, triggerReference, district, Int64(bitPattern: seed),
                        String(decoding: try encoder.encode(policy), as: UTF8.self), proceedings.count, now.millisecondsSinceEpoch]
        )
        let id = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: "INSERT INTO transfer_item (job_id, proceeding_number, position, state) VALUES (?, ?, ?, 'pending')")
        for (position, number) in proceedings.enumerated() {
            try insert.execute(arguments: [id, number, position])
        }
        return id
    }

    /// The oldest job with work left.
    public func nextJobToRun() throws -> TransferJob? {
        try Row.fetchOne(db, sql: "SELECT * FROM transfer_job WHERE state = 'reassigning' ORDER BY id LIMIT 1").map(Self.job(from:))
    }

    public func markItem(job: Int64, proceeding: String, receiver: String?) throws {
        try db.execute(
            sql: "UPDATE transfer_item SET state = ?, receiver_license = ? WHERE job_id = ? AND proceeding_number = ? AND state = 'pending'",
            arguments: [receiver == nil ? "stranded" : "reassigned", receiver, job, proceeding]
        )
        guard db.changesCount == 1 else { throw StoreCorruption("item \(proceeding) of job \(job) was already placed") }
        try db.execute(
            sql: receiver == nil ? "UPDATE transfer_job SET stranded = stranded + 1 WHERE id = ?" : "UPDATE transfer_job SET reassigned = reassigned + 1 WHERE id = ?",
            arguments: [job]
        )
    }

    /// Closes the job when nothing is pending: completed, or blocked if some found no receiver.
    /// Returns the state it closed in, or nil while items remain.
    public func finishIfDone(job: Int64, at now: Instant) throws -> TransferJob.State? {
        let pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM transfer_item WHERE job_id = ? AND state = 'pending'", arguments: [job]) ?? 0
        guard pending == 0 else { return nil }
        let stranded = try Int.fetchOne(db, sql: "SELECT stranded FROM transfer_job WHERE id = ?", arguments: [job]) ?? 0
        let state: TransferJob.State = stranded == 0 ? .completed : .blocked
        try db.execute(sql: "UPDATE transfer_job SET state = ?, finished_at_ms = ? WHERE id = ?", arguments: [state.rawValue, now.millisecondsSinceEpoch, job])
        return state
    }

    /// Cancels a job none of whose proceedings has moved on; returns it so the caller can give them back.
    public func cancelUntouchedJob(license: String, triggerEntry: Int, at now: Instant) throws -> (TransferJob, [String])? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM transfer_job WHERE license_number = ? AND trigger_entry = ? AND state = 'reassigning' AND reassigned = 0 AND stranded = 0",
                                         arguments: [license, triggerEntry]) else { return nil }
        let job = try Self.job(from: row)
        let numbers = try String.fetchAll(db, sql: "SELECT proceeding_number FROM transfer_item WHERE job_id = ? ORDER BY position", arguments: [job.id])
        try db.execute(sql: "UPDATE transfer_job SET state = 'cancelled', finished_at_ms = ? WHERE id = ?", arguments: [now.millisecondsSinceEpoch, job.id])
        try db.execute(sql: "DELETE FROM transfer_item WHERE job_id = ?", arguments: [job.id])
        return (job, numbers)
    }
}
