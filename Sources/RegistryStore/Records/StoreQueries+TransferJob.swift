import Enforcement
import Foundation
import GRDB

/// A mass transfer after a bailiff lost the right to act (DOMAIN.md §4.6a), as stored.
public struct TransferJob: Hashable, Sendable, Codable {
    public enum State: String, Hashable, Sendable, Codable {
        /// Proceedings are with the regional chamber and being reassigned batch by batch.
        case reassigning
        /// Every proceeding went to a receiving bailiff.
        case completed
        /// Every proceeding was tried; some had no eligible receiver and stay with the regional
        /// chamber, or were quarantined. Resumes when a receiver appears or on demand.
        case blocked
        /// The triggering decision was annulled before any proceeding moved on (143.8, 144.6).
        case cancelled
    }

    public let id: Int64
    public let licenseNumber: String
    /// What triggered it: a history entry kind ("suspended", "terminated", …), "longAbsence",
    /// "expelled", "debtorRelocated", "replacementEnded".
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
    /// Items that could not be moved at all (no longer with the chamber, malformed), each with its reason.
    public let quarantined: Int
    /// The planning round in progress (0 before the first batch).
    public let round: Int
    /// After an unexpected failure the job waits until then; other jobs go on meanwhile.
    public let retryAfter: Instant?
    public let lastError: String?
    public let createdAt: Instant
    public let finishedAt: Instant?

    /// "2026-000001#1 suspended", or "2026-000001 debtorRelocated (ruling 12)".
    public var triggerDescription: String {
        if let triggerEntry { return "\(licenseNumber)#\(triggerEntry) \(trigger)" }
        return "\(licenseNumber) \(trigger)" + (triggerReference.map { " (\($0))" } ?? "")
    }
}

/// One planning round of a job: the receivers and their loads when it began, and who was left out.
public struct TransferRound: Hashable, Sendable {
    public let job: Int64
    public let round: Int
    public let startedAt: Instant
    public let candidates: [ReceiverCandidate]
    public let excluded: [ExcludedBailiff]
    /// Loads after the items the round decided so far.
    public let loads: [ReceiverCandidate]
}

/// An item of a job as a batch finds it: ready to plan, or impossible to move and why.
public enum PendingTransferItem: Sendable {
    case ready(position: Int, ProceedingToPlace)
    case unmovable(position: Int, number: String, reason: String)
}

/// A proceeding's place in its latest transfer job, for explanations.
public struct StoredTransferItem: Hashable, Sendable {
    public let job: Int64
    public let position: Int
    public let state: String
    public let round: Int?
    public let receiver: String?
    public let note: String?
}

extension StoreQueries {
    public func transferJob(_ id: Int64) throws -> TransferJob? {
        try Row.fetchOne(db, sql: "SELECT * FROM transfer_job WHERE id = ?", arguments: [id]).map(Self.job(from:))
    }

    /// Newest first; only one license's when given.
    public func transferJobs(license: String?, state: TransferJob.State?, limit: Int) throws -> [TransferJob] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let license {
            clauses.append("license_number = ?")
            arguments += [license]
        }
        if let state {
            clauses.append("state = ?")
            arguments += [state.rawValue]
        }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(
            db, sql: "SELECT * FROM transfer_job" + whereSQL + " ORDER BY id DESC LIMIT ?", arguments: arguments + [limit]
        )
        .map(Self.job(from:))
    }

    /// The proceedings of a job still to place, in the job's order. An item whose proceeding
    /// is gone, closed, with someone else or unreadable comes back as `unmovable`. Each is read
    /// as the planner needs it: SQLite takes the document and the amount out of the details, so
    /// no record is decoded whole; details that are not JSON make that item unreadable, not the query.
    public func pendingItems(of job: TransferJob, limit: Int) throws -> [PendingTransferItem] {
        // A cursor, not fetchAll: its rows are read in place instead of copied (5,000 per batch).
        var items: [PendingTransferItem] = []
        items.reserveCapacity(limit)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT position, proceeding_number, number, status, district, holder_license, category, opened_on,
                       d ->> '$.document.kind', d ->> '$.document.reference', d ->> '$.document.debtorKind',
                       d ->> '$.document.subject', d ->> '$.document.inFavourOfState', d ->> '$.amountTiyn'
                FROM (SELECT i.position, i.proceeding_number, p.number, p.status, p.district, p.holder_license, p.category, p.opened_on,
                             CASE WHEN json_valid(pd.details) THEN pd.details END AS d
                      FROM transfer_item i LEFT JOIN proceeding p ON p.number = i.proceeding_number
                      LEFT JOIN proceeding_details pd ON pd.number = i.proceeding_number
                      WHERE i.job_id = ? AND i.state = 'pending' ORDER BY i.position LIMIT ?)
                ORDER BY position
                """, arguments: [job.id, limit])
        while let row = try rows.next() { items.append(Self.pendingItem(row, job: job)) }
        return items
    }

    static func pendingItem(_ row: Row, job: TransferJob) -> PendingTransferItem {
        let position: Int = row[0]
        let number: String = row[1]
        guard (row[2] as String?) != nil else { return .unmovable(position: position, number: number, reason: "not in the registry") }
        let status: String = row[3]
        let district: String = row[4]
        let holder: String? = row[5]
        guard status == "open" else { return .unmovable(position: position, number: number, reason: "the proceeding is \(status)") }
        guard holder == nil, district == job.district else {
            let now = holder.map { "bailiff \($0)" } ?? "the regional chamber of \(district)"
            return .unmovable(
                position: position, number: number, reason: "no longer with the regional chamber of \(job.district): held by \(now)")
        }
        guard let category = ProceedingCategory(rawValue: row[6]), let opened = LocalDate(row[7] as String),
            let kind = (row[8] as String?).flatMap(DocumentKind.init(rawValue:)), let reference: String = row[9],
            let debtorKind = (row[10] as String?).flatMap(EnforcementDocument.DebtorKind.init(rawValue:)),
            let subject = (row[11] as String?).flatMap(EnforcementDocument.Subject.init(rawValue:)),
            let inFavourOfState: Bool = row[12], let amount: Int64 = row[13]
        else {
            return .unmovable(
                position: position, number: number, reason: "its record is unreadable: proceeding \(number) has a malformed row")
        }
        return .ready(
            position: position,
            ProceedingToPlace(
                number: number, category: category, district: district, openedOn: opened,
                document: EnforcementDocument(
                    kind: kind, reference: reference, debtorKind: debtorKind, subject: subject, inFavourOfState: inFavourOfState),
                amount: Tenge(tiyn: amount)))
    }

    public func transferRound(job: Int64, round: Int) throws -> TransferRound? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM transfer_round WHERE job_id = ? AND round = ?", arguments: [job, round])
        else { return nil }
        let decoder = JSONDecoder()
        do {
            let loads = try decoder.decode([String: Int].self, from: Data((row["loads"] as String).utf8))
            let candidates = try decoder.decode([ReceiverCandidate].self, from: Data((row["candidates"] as String).utf8))
            return TransferRound(
                job: job, round: round, startedAt: Instant(millisecondsSinceEpoch: row["started_at_ms"]), candidates: candidates,
                excluded: try decoder.decode([ExcludedBailiff].self, from: Data((row["excluded"] as String).utf8)),
                loads: candidates.map { ReceiverCandidate(license: $0.license, load: loads[$0.license] ?? $0.load) }
            )
        } catch {
            throw StoreCorruption("round \(round) of transfer job \(job) is malformed: \(error)")
        }
    }

    /// The proceeding's item in the newest job that holds it.
    public func transferItem(of proceeding: String) throws -> StoredTransferItem? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM transfer_item WHERE proceeding_number = ? ORDER BY job_id DESC LIMIT 1", arguments: [proceeding]
        ).map { row in
            StoredTransferItem(
                job: row["job_id"], position: row["position"], state: row["state"], round: row["round"],
                receiver: row["receiver_license"], note: row["note"])
        }
    }

    /// What a round assigned before `position`, per receiver and category: all a replay needs.
    public func assignedInRound(job: Int64, round: Int, before position: Int) throws -> [ReassignmentPlanner.Assigned] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT i.receiver_license AS license, p.category AS category, count(*) AS n FROM transfer_item i
                JOIN proceeding p ON p.number = i.proceeding_number
                WHERE i.job_id = ? AND i.round = ? AND i.position < ? AND i.receiver_license IS NOT NULL
                GROUP BY i.receiver_license, p.category
                """, arguments: [job, round, position]
        ).map { row in
            ReassignmentPlanner.Assigned(
                license: row["license"], category: ProceedingCategory(rawValue: row["category"]) ?? .other, count: row["n"])
        }
    }

    /// Quarantined items of a job with their reasons, in the job's order.
    public func quarantinedItems(of job: Int64, limit: Int) throws -> [(number: String, reason: String)] {
        try Row.fetchAll(
            db,
            sql: "SELECT proceeding_number, note FROM transfer_item WHERE job_id = ? AND state = 'quarantined' ORDER BY position LIMIT ?",
            arguments: [job, limit]
        ).map { ($0["proceeding_number"], $0["note"] ?? "") }
    }

    /// Blocked jobs some of whose items wait only for a receiver (not excluded by 138.1).
    public func resumableBlockedJobs() throws -> [TransferJob] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM transfer_job j WHERE state = 'blocked'
                  AND EXISTS (SELECT 1 FROM transfer_item i WHERE i.job_id = j.id AND i.state = 'stranded' AND i.note = 'noReceiver')
                ORDER BY id
                """
        ).map(Self.job(from:))
    }

    /// The oldest job with work left that is not waiting after a failure.
    public func nextJobToRun(at now: Instant) throws -> TransferJob? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT * FROM transfer_job WHERE state = 'reassigning' AND (retry_after_ms IS NULL OR retry_after_ms <= ?) ORDER BY id LIMIT 1
                """, arguments: [now.millisecondsSinceEpoch]
        ).map(Self.job(from:))
    }

    static func job(from row: Row) throws -> TransferJob {
        guard let state = TransferJob.State(rawValue: row["state"]),
            let policy = try? JSONDecoder().decode(TransferPolicy.self, from: Data((row["policy"] as String).utf8))
        else { throw StoreCorruption("transfer job \(row["id"] as Int64) has a malformed row") }
        return TransferJob(
            id: row["id"], licenseNumber: row["license_number"], trigger: row["trigger"], triggerEntry: row["trigger_entry"],
            triggerReference: row["trigger_reference"],
            district: row["district"], seed: UInt64(bitPattern: row["seed"]), policy: policy, state: state,
            total: row["total"], reassigned: row["reassigned"], stranded: row["stranded"], quarantined: row["quarantined"],
            round: row["current_round"], retryAfter: (row["retry_after_ms"] as Int64?).map(Instant.init(millisecondsSinceEpoch:)),
            lastError: row["last_error"],
            createdAt: Instant(millisecondsSinceEpoch: row["created_at_ms"]),
            finishedAt: (row["finished_at_ms"] as Int64?).map(Instant.init(millisecondsSinceEpoch:))
        )
    }
}

extension StoreTransaction {
    /// Creates the job for every open proceeding `holder` holds, in number order, in one
    /// statement (call it before handing them over). Returns the job and its size, nil if none.
    public func createTransferJob(
        forProceedingsOf holder: String, trigger: String, triggerEntry: Int?, triggerReference: String?, district: String,
        seed: UInt64, policy: TransferPolicy, at now: Instant
    ) throws -> (job: Int64, count: Int)? {
        let count =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM proceeding WHERE holder_license = ? AND status = 'open'", arguments: [holder])
            ?? 0
        guard count > 0 else { return nil }
        let id = try createTransferJob(
            license: holder, trigger: trigger, triggerEntry: triggerEntry, triggerReference: triggerReference, district: district,
            seed: seed, policy: policy, proceedings: [], total: count, at: now)
        try db.execute(
            sql: """
                INSERT INTO transfer_item (job_id, proceeding_number, position, state)
                SELECT ?, number, row_number() OVER (ORDER BY number) - 1, 'pending' FROM proceeding WHERE holder_license = ? AND status = 'open'
                """, arguments: [id, holder])
        return (id, count)
    }

    /// Creates the job for `proceedings` (already moved to the regional chamber), in their order.
    public func createTransferJob(
        license: String, trigger: String, triggerEntry: Int?, triggerReference: String? = nil, district: String, seed: UInt64,
        policy: TransferPolicy, proceedings: [String], total: Int? = nil, at now: Instant
    ) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(
            sql: """
                INSERT INTO transfer_job (license_number, trigger, trigger_entry, trigger_reference, district, seed, policy, state, total, created_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'reassigning', ?, ?)
                """,
            arguments: [
                license, trigger, triggerEntry, triggerReference, district, Int64(bitPattern: seed),
                String(decoding: try encoder.encode(policy), as: UTF8.self), total ?? proceedings.count, now.millisecondsSinceEpoch,
            ]
        )
        let id = db.lastInsertedRowID
        let insert = try db.cachedStatement(
            sql: "INSERT INTO transfer_item (job_id, proceeding_number, position, state) VALUES (?, ?, ?, 'pending')")
        for (position, number) in proceedings.enumerated() {
            try insert.execute(arguments: [id, number, position])
        }
        return id
    }

    /// Opens the job's next planning round with its receivers, their loads and the excluded.
    public func startRound(job: Int64, candidates: [ReceiverCandidate], excluded: [ExcludedBailiff], at now: Instant) throws
        -> TransferRound
    {
        let round = (try Int.fetchOne(db, sql: "SELECT current_round FROM transfer_job WHERE id = ?", arguments: [job]) ?? 0) + 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let loads = Dictionary(uniqueKeysWithValues: candidates.map { ($0.license, $0.load) })
        try db.execute(
            sql: "INSERT INTO transfer_round (job_id, round, started_at_ms, candidates, excluded, loads) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                job, round, now.millisecondsSinceEpoch, String(decoding: try encoder.encode(candidates), as: UTF8.self),
                String(decoding: try encoder.encode(excluded), as: UTF8.self), String(decoding: try encoder.encode(loads), as: UTF8.self),
            ])
        try db.execute(sql: "UPDATE transfer_job SET current_round = ? WHERE id = ?", arguments: [round, job])
        return TransferRound(job: job, round: round, startedAt: now, candidates: candidates, excluded: excluded, loads: candidates)
    }

    public func updateRoundLoads(job: Int64, round: Int, loads: [ReceiverCandidate]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let map = Dictionary(uniqueKeysWithValues: loads.map { ($0.license, $0.load) })
        try db.execute(
            sql: "UPDATE transfer_round SET loads = ? WHERE job_id = ? AND round = ?",
            arguments: [String(decoding: try encoder.encode(map), as: UTF8.self), job, round])
    }

    /// Sets an item aside with its reason; `planned` keeps the receiver a round counted for it.
    public func quarantineItem(job: Int64, proceeding: String, reason: String, planned receiver: String?, round: Int?) throws {
        try db.execute(
            sql: """
                UPDATE transfer_item SET state = 'quarantined', note = ?, receiver_license = ?, round = ? WHERE job_id = ? AND proceeding_number = ? AND state = 'pending'
                """, arguments: [reason, receiver, round, job, proceeding])
    }

    /// Adds one batch's outcome to the job's counters.
    public func countBatch(job: Int64, reassigned: Int, stranded: Int, quarantined: Int) throws {
        try db.execute(
            sql:
                "UPDATE transfer_job SET reassigned = reassigned + ?, stranded = stranded + ?, quarantined = quarantined + ?, last_error = NULL, retry_after_ms = NULL WHERE id = ?",
            arguments: [reassigned, stranded, quarantined, job])
    }

    /// Closes the job when nothing is pending: completed, or blocked if some found no receiver or
    /// were quarantined. Returns the state it closed in, or nil while items remain.
    public func finishIfDone(job: Int64, at now: Instant) throws -> TransferJob.State? {
        let pending =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM transfer_item WHERE job_id = ? AND state = 'pending'", arguments: [job]) ?? 0
        guard pending == 0 else { return nil }
        let left = try Int.fetchOne(db, sql: "SELECT stranded + quarantined FROM transfer_job WHERE id = ?", arguments: [job]) ?? 0
        let state: TransferJob.State = left == 0 ? .completed : .blocked
        try db.execute(
            sql: "UPDATE transfer_job SET state = ?, finished_at_ms = ? WHERE id = ?",
            arguments: [state.rawValue, now.millisecondsSinceEpoch, job])
        return state
    }

    /// After an unexpected failure: the job waits until `retryAfter` and says why.
    public func deferJob(_ job: Int64, error: String, retryAfter: Instant) throws {
        try db.execute(
            sql: "UPDATE transfer_job SET last_error = ?, retry_after_ms = ? WHERE id = ?",
            arguments: [error, retryAfter.millisecondsSinceEpoch, job])
    }

    /// Gives a blocked job's items that waited for a receiver back to the planner; returns how many.
    public func reopenStranded(job: Int64) throws -> Int {
        try db.execute(
            sql: """
                UPDATE transfer_item SET state = 'pending', receiver_license = NULL, round = NULL, note = NULL
                WHERE job_id = ? AND state = 'stranded' AND note = 'noReceiver'
                """, arguments: [job])
        let reopened = db.changesCount
        guard reopened > 0 else { return 0 }
        try db.execute(
            sql:
                "UPDATE transfer_job SET state = 'reassigning', stranded = stranded - ?, finished_at_ms = NULL, retry_after_ms = NULL, last_error = NULL WHERE id = ?",
            arguments: [reopened, job])
        return reopened
    }

    /// Cancels a job none of whose proceedings has moved on; returns it so the caller can give them back.
    public func cancelUntouchedJob(license: String, triggerEntry: Int, at now: Instant) throws -> (TransferJob, [String])? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM transfer_job WHERE license_number = ? AND trigger_entry = ? AND state = 'reassigning'
                      AND reassigned = 0 AND stranded = 0 AND quarantined = 0
                    """, arguments: [license, triggerEntry])
        else { return nil }
        let job = try Self.job(from: row)
        let numbers = try String.fetchAll(
            db, sql: "SELECT proceeding_number FROM transfer_item WHERE job_id = ? ORDER BY position", arguments: [job.id])
        try db.execute(
            sql: "UPDATE transfer_job SET state = 'cancelled', finished_at_ms = ? WHERE id = ?",
            arguments: [now.millisecondsSinceEpoch, job.id])
        try db.execute(sql: "DELETE FROM transfer_item WHERE job_id = ?", arguments: [job.id])
        return (job, numbers)
    }
}
