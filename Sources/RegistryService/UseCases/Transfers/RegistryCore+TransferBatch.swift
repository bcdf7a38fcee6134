import Enforcement
import Foundation
import Licensing
import Logging
import RegistryStore

/// One batch's account, for the worker's log and for tests.
public struct TransferBatchReport: Sendable {
    public let job: Int64
    public let reassigned: Int
    public let stranded: Int
    public let quarantined: Int
    public let finished: TransferJob.State?
    /// The planner's decisions of this batch, as computed at the time.
    public let decisions: [Reassignment]
    /// Set when the batch failed as a whole; the job waits and the others go on.
    public let failure: String?
}

extension RegistryCore {
    /// Proceedings per batch: one transaction each, written by `applyTransferBatch` in a few set
    /// statements. Smaller batches rewrote the same index pages into the WAL many more times
    /// (1,000: 17 s for 100,000 proceedings, 5,000: 11 s, item by item).
    public static let transferBatchSize = 5_000

    /// How long a job waits after an unexpected failure before it is tried again.
    static let transferRetryDelayMs: Int64 = 60_000

    /// Runs one batch of the oldest job with work left, in one transaction; nil when there is none.
    ///
    /// The batch plans against its job's current round: the receivers and their loads as the
    /// round began, plus what the round assigned since (kept on the round row, so no batch
    /// rescans the district). When the set of receivers or excluded bailiffs changes, a new
    /// round starts with fresh loads. An item that cannot be moved is quarantined with its
    /// reason and an alert; a batch that fails as a whole defers its job, never the others.
    public func runTransferBatch(limit: Int = RegistryCore.transferBatchSize) async throws -> TransferBatchReport? {
        let now = clock.now()
        guard let job = try await store.read({ try $0.nextJobToRun(at: now) }) else { return nil }
        do {
            do {
                // The fast path moves every item in one go; if any fails, the whole batch rolls back
                // and runs again with each item in its own savepoint, so only the bad one is set aside.
                return try await store.write { tx in
                    try Self.runBatch(of: job.id, limit: limit, isolateItems: false, receiverSets: self.receiverSets, tx: tx, at: now)
                }
            } catch {
                logger.notice("transfer batch reruns item by item", metadata: ["job": "\(job.id)", "error": "\(error)"])
                return try await store.write { tx in
                    try Self.runBatch(of: job.id, limit: limit, isolateItems: true, receiverSets: self.receiverSets, tx: tx, at: now)
                }
            }
        } catch {
            let message = "\(error)"
            logger.error(
                "transfer job batch failed; the job waits and the others go on", metadata: ["job": "\(job.id)", "error": "\(message)"])
            try await store.write { tx in
                try tx.deferJob(
                    job.id, error: message,
                    retryAfter: Instant(millisecondsSinceEpoch: now.millisecondsSinceEpoch + Self.transferRetryDelayMs))
                try tx.appendOutbox(
                    eventType: "alert.transfer_failed", subject: job.licenseNumber,
                    fields: [
                        "job": .number(job.id), "error": .text(message), "legal_basis": "162.1.2-3",
                    ], at: now)
            }
            return TransferBatchReport(
                job: job.id, reassigned: 0, stranded: 0, quarantined: 0, finished: nil, decisions: [], failure: message)
        }
    }

    static func runBatch(
        of id: Int64, limit: Int, isolateItems: Bool, receiverSets: ReceiverSetCache, tx: StoreTransaction,
        at now: Instant
    ) throws -> TransferBatchReport? {
        guard let job = try tx.transferJob(id), job.state == .reassigning else { return nil }
        let items = try tx.pendingItems(of: job, limit: limit)
        let set = try receiverSets.set(job: job.id, day: now.kazakhstanDate, writeNumber: tx.writeNumber) {
            try receiverSet(in: job.district, excluding: job.licenseNumber, at: now, tx: tx)
        }
        let round = try currentRound(of: job, receivers: set, tx: tx, at: now)
        let planner = ReassignmentPlanner(policy: job.policy, seed: job.seed)
        let mci = try tx.mciTable()
        var ready: [ProceedingToPlace] = []
        var quarantined = 0
        for item in items {
            switch item {
            case .ready(_, let proceeding): ready.append(proceeding)
            case .unmovable(_, let number, let reason):
                try quarantine(number, of: job, reason: reason, planned: nil, round: nil, tx: tx, at: now)
                quarantined += 1
            }
        }
        let plan = planner.plan(ready, candidates: round.loads) { proceeding in
            Competence.exclusion(of: proceeding.document, amount: proceeding.amount, on: proceeding.openedOn, mci: mci)
        }
        let events = moveEvents(of: job)
        var reassigned = 0
        var stranded = 0
        var assigned: [ReassignmentPlanner.Assigned] = []
        var planned: [PlannedTransferItem] = []
        planned.reserveCapacity(ready.count)
        for (proceeding, decision) in zip(ready, plan) {
            let receiver = decision.receiver.flatMap { set.receivers[$0] }
            if let receiver { assigned.append(.init(license: receiver.number.value, category: proceeding.category, count: 1)) }
            planned.append(
                PlannedTransferItem(
                    number: proceeding.number,
                    receiver: receiver.map { .init(license: $0.number.value, iin: $0.holder.digits, name: $0.holderName.description) },
                    note: receiver == nil ? strandedNote(decision) : nil))
        }
        if !isolateItems {
            // The fast path: the whole batch in a few set statements; any failure reruns it item by item.
            try tx.applyTransferBatch(job: job.id, district: job.district, round: round.round, items: planned, events: events, at: now)
            reassigned = planned.count(where: { $0.receiver != nil })
            stranded = planned.count - reassigned
        } else {
            for item in planned {
                do {
                    try tx.savepoint {
                        try tx.applyTransferBatch(
                            job: job.id, district: job.district, round: round.round, items: [item], events: events, at: now)
                    }
                    if item.receiver == nil { stranded += 1 } else { reassigned += 1 }
                } catch {
                    // The round counted the planned receiver's load; the item keeps it so the round replays.
                    try quarantine(
                        item.number, of: job, reason: "\(error)", planned: item.receiver?.license, round: round.round, tx: tx, at: now)
                    quarantined += 1
                }
            }
        }
        try tx.updateRoundLoads(job: job.id, round: round.round, loads: planner.loads(from: round.loads, after: assigned))
        try tx.countBatch(job: job.id, reassigned: reassigned, stranded: stranded, quarantined: quarantined)
        let finished = try tx.finishIfDone(job: job.id, at: now)
        if let finished { try recordFinish(job, state: finished, tx: tx, at: now) }
        return TransferBatchReport(
            job: job.id, reassigned: reassigned, stranded: stranded, quarantined: quarantined,
            finished: finished, decisions: plan, failure: nil)
    }

    /// The job's round, or a new one when the receivers or the excluded changed since it began.
    static func currentRound(of job: TransferJob, receivers set: ReceiverSet, tx: StoreTransaction, at now: Instant) throws -> TransferRound
    {
        if job.round > 0, let round = try tx.transferRound(job: job.id, round: job.round),
            round.candidates.map(\.license) == set.candidateLicenses, round.excluded == set.excluded
        {
            return round
        }
        let loads = try tx.loads(in: job.district, weight: job.policy.weight(of:))
        let candidates = set.candidateLicenses.map { ReceiverCandidate(license: $0, load: loads[$0] ?? 0) }
        return try tx.startRound(job: job.id, candidates: candidates, excluded: set.excluded, at: now)
    }

    /// "noReceiver" waits for a bailiff to appear; a 138.1 exclusion never resumes by itself.
    static func strandedNote(_ decision: Reassignment) -> String {
        if case .noEligibleReceiver(let reason) = decision.outcome, reason.hasPrefix("outside private-bailiff competence") {
            return "competence: \(reason)"
        }
        return "noReceiver"
    }

    static func quarantine(
        _ number: String, of job: TransferJob, reason: String, planned: String?, round: Int?, tx: StoreTransaction, at now: Instant
    ) throws {
        try tx.quarantineItem(job: job.id, proceeding: number, reason: reason, planned: planned, round: round)
        try tx.appendOutbox(
            eventType: "alert.transfer_item_quarantined", subject: number,
            fields: [
                "job": .number(job.id), "proceeding": .text(number), "reason": .text(reason), "legal_basis": "162.1.2-3",
            ], at: now)
    }
}
