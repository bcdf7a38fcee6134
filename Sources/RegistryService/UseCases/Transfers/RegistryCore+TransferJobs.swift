import Enforcement
import Foundation
import Licensing
import RegistryStore

/// Why a proceeding went where it went: the planner's reasons and the receiving
/// bailiff as the regional chamber's transfer decision must name him (123.6.2).
public struct AssignmentExplanation: Codable, Sendable {
    public struct Receiver: Codable, Sendable {
        public let license: String
        public let name: String
        public let iin: String
    }

    public let reassignment: Reassignment
    public let receiver: Receiver?
    /// The decision the job answers: license and history entry.
    public let trigger: String
}

/// One batch's account, for the worker's log.
public struct TransferBatchReport: Sendable {
    public let job: Int64
    public let reassigned: Int
    public let stranded: Int
    public let finished: TransferJob.State?
}

extension RegistryCore {
    /// Explanations are read back by `explainAssignment`, so they keep Swift's own keys.
    static let explanationEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Proceedings per batch: one transaction each, short enough not to hold the writer long.
    public static let transferBatchSize = 200

    /// In the triggering decision's own transaction (ARCHITECTURE "Case transfer"): the
    /// bailiff's open proceedings pass to the regional chamber of his district at once
    /// (143.6, 144.4, 148.1.9-2: none stays with someone who may not act) and a job is
    /// created to reassign them. The seed comes from the trigger itself, so the job replays
    /// to the same result. License decisions name their history `entry`; other triggers
    /// (long absence here, expulsion with the membership records) their `reference`.
    static func startTransferJob(from license: License, trigger: String, entry: Int?, reference: String?, seed: String,
                                 policy: TransferPolicy, freezeAccount: Bool, tx: StoreTransaction, at now: Instant) throws {
        let held = try tx.handOverAll(of: license.number.value, to: license.district, at: now)
        guard !held.isEmpty else { return }
        let job = try tx.createTransferJob(license: license.number.value, trigger: trigger, triggerEntry: entry, triggerReference: reference,
                                           district: license.district, seed: ReassignmentPlanner.seed(for: seed), policy: policy,
                                           proceedings: held, at: now)
        try tx.appendOutbox(eventType: "transfer.created", subject: license.number.value,
                            payload: #"{"job":\#(job),"license":"\#(license.number)","district":"\#(license.district)","proceedings":\#(held.count),"trigger":"\#(trigger)"}"#, at: now)
        // Art. 123.4: the account of a bailiff whose license ended or who was expelled is frozen
        // by an order (not for a mere absence, which 123.4 does not name).
        if freezeAccount {
            try tx.appendOutbox(eventType: "action.account_freeze", subject: license.number.value,
                                payload: #"{"job":\#(job),"license":"\#(license.number)","legal_basis":"123.4"}"#, at: now)
        }
    }

    /// An annulment before any proceeding moved on cancels the job and gives them back [POLICY, §4.6a].
    static func cancelTransferJob(for license: License, annulledEntry: Int, tx: StoreTransaction, at now: Instant) throws {
        guard let (job, numbers) = try tx.cancelUntouchedJob(license: license.number.value, triggerEntry: annulledEntry, at: now) else { return }
        for number in numbers {
            try tx.move(number, from: .regionalChamber(district: job.district), to: .bailiff(license: license.number.value),
                        reason: "cancelled", jobID: job.id, explanation: nil, at: now)
        }
        try tx.appendOutbox(eventType: "transfer.cancelled", subject: license.number.value, payload: #"{"job":\#(job.id)}"#, at: now)
    }

    /// Runs one batch of the oldest job with work left, in one transaction; nil when there is none.
    public func runTransferBatch(limit: Int = RegistryCore.transferBatchSize) async throws -> TransferBatchReport? {
        let now = clock.now()
        return try await store.write { tx in
            guard let job = try tx.nextJobToRun() else { return nil }
            let items = try tx.pendingItems(of: job.id, limit: limit)
            let receivers = try Self.receivers(in: job.district, excluding: job.licenseNumber, at: now, tx: tx)
            let loads = try tx.loads(in: job.district, weight: job.policy.weight(of:))
            let candidates = receivers.keys.sorted().map { ReceiverCandidate(license: $0, load: loads[$0] ?? 0) }
            let planner = ReassignmentPlanner(policy: job.policy, seed: job.seed)
            let mci = try tx.mciTable()
            let plan = planner.plan(items, candidates: candidates) { proceeding in
                Competence.exclusion(of: proceeding.document, amount: proceeding.amount, year: proceeding.openedOn.year, mci: mci)
            }
            var reassigned = 0
            for (proceeding, decision) in zip(items, plan) {
                let receiver = decision.receiver.flatMap { receivers[$0] }
                let explanation = AssignmentExplanation(
                    reassignment: decision,
                    receiver: receiver.map { .init(license: $0.number.value, name: $0.holderName.description, iin: $0.holder.digits) },
                    trigger: job.triggerDescription
                )
                let text = String(decoding: try Self.explanationEncoder.encode(explanation), as: UTF8.self)
                let chamber = EnforcementProceeding.Holder.regionalChamber(district: job.district)
                if let receiver {
                    try tx.move(proceeding.number, from: chamber, to: .bailiff(license: receiver.number.value),
                                reason: "reassignment", jobID: job.id, explanation: text, at: now)
                    try Self.recordTransferActions(proceeding, to: receiver, job: job, tx: tx, at: now)
                    reassigned += 1
                } else {
                    try tx.appendAssignment(proceeding.number, holder: chamber, reason: "noReceiver", jobID: job.id, explanation: text, at: now)
                }
                try tx.markItem(job: job.id, proceeding: proceeding.number, receiver: receiver?.number.value)
            }
            let finished = try tx.finishIfDone(job: job.id, at: now)
            if let finished { try Self.recordFinish(job, state: finished, tx: tx, at: now) }
            return TransferBatchReport(job: job.id, reassigned: reassigned, stranded: items.count - reassigned, finished: finished)
        }
    }

    /// Eligible receivers (DOMAIN.md §7.1, INV-15): bailiffs of the district who may practise now, not the outgoing one.
    static func receivers(in district: String, excluding outgoing: String, at now: Instant, tx: StoreTransaction) throws -> [String: License] {
        let active = try tx.licenses(matching: LicenseFilter(status: .active, district: district), after: nil, limit: Int.max)
        var receivers: [String: License] = [:]
        for license in active where license.number.value != outgoing {
            if try practiceAssessment(licenses: [license], at: now, store: tx).mayPractise { receivers[license.number.value] = license }
        }
        return receivers
    }

    /// What the parties and the enforcement system must do about one moved proceeding.
    static func recordTransferActions(_ proceeding: EnforcementProceeding, to receiver: License, job: TransferJob, tx: StoreTransaction, at now: Instant) throws {
        let base: [String: OutboxValue] = ["proceeding": .text(proceeding.number), "job": .number(job.id), "from": .text(job.licenseNumber), "to": .text(receiver.number.value)]
        // Art. 143.6: the parties are told who now holds their proceeding.
        for party in ["creditor", "debtor"] {
            try tx.appendOutbox(eventType: "notification.party", subject: proceeding.number,
                                fields: base.merging(["party": .text(party), "legal_basis": "143.6"]) { $1 }, at: now)
        }
        // Art. 58.5: the receiver recalls the predecessor's collection orders and issues new ones.
        try tx.appendOutbox(eventType: "action.collection_orders", subject: proceeding.number, fields: base.merging(["legal_basis": "58.5"]) { $1 }, at: now)
        // Art. 123.6: the funds move on the Ministry's decision and the chamber's transfer decision (123.6.2 names the receiver).
        try tx.appendOutbox(eventType: "action.funds_move", subject: proceeding.number, fields: base.merging([
            "receiver_name": .text(receiver.holderName.description), "receiver_iin": .text(receiver.holder.digits),
            "trigger": .text(job.triggerDescription), "legal_basis": "123.6",
        ]) { $1 }, at: now)
    }

    static func recordFinish(_ job: TransferJob, state: TransferJob.State, tx: StoreTransaction, at now: Instant) throws {
        if state == .completed {
            // The regional chamber's transfer measures (162.1.2-3) are done.
            if let number = LicenseNumber(job.licenseNumber), let entry = job.triggerEntry {
                try tx.closeDeadlines(of: number, kinds: [.chamberTransferMeasures], entry: entry, closedBy: "transfer job \(job.id) completed", at: now)
            }
            try tx.appendOutbox(eventType: "transfer.completed", subject: job.licenseNumber, payload: #"{"job":\#(job.id)}"#, at: now)
        } else {
            try tx.appendOutbox(eventType: "alert.transfer_blocked", subject: job.licenseNumber,
                                payload: #"{"job":\#(job.id),"district":"\#(job.district)","legal_basis":"162.1.2-3"}"#, at: now)
        }
    }

    public func transferJobs(license: String?, state: TransferJob.State?, context: RequestContext) async throws -> [TransferJob] {
        try await authorize(.listTransferJobs, context)
        return try store.read { try $0.transferJobs(license: license, state: state, limit: 500) }
    }

    /// Why a proceeding is held where it is: its assignments and the reasons of the last choice.
    public func explainAssignment(number: String, context: RequestContext) async throws -> (EnforcementProceeding, [StoredAssignment], AssignmentExplanation?) {
        let (proceeding, assignments) = try await self.proceeding(number: number, context: context, operation: .explainAssignment)
        let last = assignments.last { $0.explanation != nil }
        let explanation = try last?.explanation.map { try JSONDecoder().decode(AssignmentExplanation.self, from: Data($0.utf8)) }
        return (proceeding, assignments, explanation)
    }
}
