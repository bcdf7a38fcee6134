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
    /// Bailiffs of the district who were not receivers in the round, and why.
    public var excluded: [ExcludedBailiff]? = nil
    /// Why the item could not be moved at all, when it was quarantined.
    public var quarantine: String? = nil
    /// False when the replayed choice differs from the receiver recorded at the time.
    public var replayMatches: Bool? = nil
}

extension RegistryCore {
    /// In the triggering decision's own transaction (ARCHITECTURE "Case transfer"): the
    /// bailiff's open proceedings pass to the regional chamber of his district at once
    /// (143.6, 144.4, 148.1.9-2: none stays with someone who may not act) and a job is
    /// created to reassign them. The seed comes from the trigger itself, so the job replays
    /// to the same result. License decisions name their history `entry`; other triggers
    /// (long absence, expulsion) their `reference`. Returns the job, nil when he held none.
    @discardableResult
    static func startTransferJob(
        from license: License, trigger: String, entry: Int?, reference: String?, seed: String,
        policy: TransferPolicy, freezeAccount: Bool, tx: StoreTransaction, at now: Instant
    ) throws -> Int64? {
        // Art. 123.4: the account of a bailiff whose license ended, was suspended, or who left or was
        // expelled from the Chamber is frozen by an order, whatever he holds (not for a mere absence,
        // which 123.4 does not name). The territorial body of his district issues it (123.5, 168.1.8).
        if freezeAccount {
            try tx.appendOutbox(
                eventType: "action.account_freeze", subject: license.number.value,
                fields: [
                    "license": .text(license.number.value), "trigger": .text(trigger), "legal_basis": "123.4",
                    "issuer": .text(freezeIssuer(license)),
                ], at: now)
        }
        guard
            let (job, count) = try tx.createTransferJob(
                forProceedingsOf: license.number.value, trigger: trigger, triggerEntry: entry, triggerReference: reference,
                district: license.district, seed: ReassignmentPlanner.seed(for: seed), policy: policy, at: now)
        else { return nil }
        try tx.handOverAll(of: license.number.value, to: license.district, job: job, at: now)
        try recordJobCreated(
            job, license: license.number.value, district: license.district, count: count, trigger: trigger, tx: tx, at: now)
        return job
    }

    /// The event every job writes when it is created, whatever its trigger.
    static func recordJobCreated(
        _ job: Int64, license: String, district: String, count: Int, trigger: String, tx: StoreTransaction, at now: Instant
    ) throws {
        try tx.appendOutbox(
            eventType: "transfer.created", subject: license,
            fields: [
                "job": .number(job), "license": .text(license), "district": .text(district), "proceedings": .number(Int64(count)),
                "trigger": .text(trigger),
            ], at: now)
    }

    /// An annulment before any proceeding moved on cancels the job and gives them back [POLICY, §4.6a].
    static func cancelTransferJob(for license: License, annulledEntry: Int, tx: StoreTransaction, at now: Instant) throws {
        guard let (job, numbers) = try tx.cancelUntouchedJob(license: license.number.value, triggerEntry: annulledEntry, at: now) else {
            return
        }
        for number in numbers {
            try tx.move(
                number, from: .regionalChamber(district: job.district), to: .bailiff(license: license.number.value),
                reason: "cancelled", jobID: job.id, explanation: nil, at: now)
        }
        try tx.appendOutbox(eventType: "transfer.cancelled", subject: license.number.value, payload: #"{"job":\#(job.id)}"#, at: now)
    }

    /// What every move of `job` tells the parties and the systems that act on it, in the
    /// order they are written (four events per proceeding of a mass transfer); the store fills
    /// in each move's proceeding and receiver.
    static func moveEvents(of job: TransferJob) -> [MoveEvent] {
        let from: (key: String, value: MoveEvent.Value) = ("from", .fixed(.text(job.licenseNumber)))
        let jobID: (key: String, value: MoveEvent.Value) = ("job", .fixed(.number(job.id)))
        // Art. 143.6: the parties are told who now holds their proceeding.
        var events = ["creditor", "debtor"].map { party in
            MoveEvent(
                "notification.party",
                [
                    from, jobID, ("legal_basis", .fixed("143.6")), ("party", .fixed(.text(party))), ("proceeding", .proceeding),
                    ("to", .receiverLicense),
                ])
        }
        // Art. 58.5: the receiver recalls the predecessor's collection orders and issues new ones.
        events.append(
            MoveEvent(
                "action.collection_orders",
                [from, jobID, ("legal_basis", .fixed("58.5")), ("proceeding", .proceeding), ("to", .receiverLicense)]))
        // Art. 123.6: the funds move on the Ministry's decision on the license (123.6.1) and the chamber's
        // transfer decision (123.6.2 names the receiver). Other triggers (leaving or expulsion from the
        // Chamber, an absence, a relocation, the end of a replacement) have no such decision (§9.5-8).
        guard job.triggerEntry != nil else { return events }
        events.append(
            MoveEvent(
                "action.funds_move",
                [
                    from, jobID, ("legal_basis", .fixed("123.6")), ("proceeding", .proceeding), ("receiver_iin", .receiverIIN),
                    ("receiver_name", .receiverName), ("to", .receiverLicense), ("trigger", .fixed(.text(job.triggerDescription))),
                ]))
        return events
    }

    static func recordFinish(_ job: TransferJob, state: TransferJob.State, tx: StoreTransaction, at now: Instant) throws {
        if state == .completed {
            // The regional chamber's transfer measures (162.1.2-3) are done.
            if let number = LicenseNumber(job.licenseNumber), let entry = job.triggerEntry {
                try tx.closeDeadlines(
                    of: number, kinds: [.chamberTransferMeasures], entry: entry, closedBy: "transfer job \(job.id) completed", at: now)
            }
            try tx.appendOutbox(eventType: "transfer.completed", subject: job.licenseNumber, payload: #"{"job":\#(job.id)}"#, at: now)
        } else {
            try tx.appendOutbox(
                eventType: "alert.transfer_blocked", subject: job.licenseNumber,
                payload: #"{"job":\#(job.id),"district":"\#(job.district)","legal_basis":"162.1.2-3"}"#, at: now)
        }
    }

    public func transferJobs(license: String?, state: TransferJob.State?, context: RequestContext) async throws -> [(
        TransferJob, [(number: String, reason: String)]
    )] {
        return try await store.read { reader in
            try reader.transferJobs(license: license, state: state, limit: 500).map { job in
                (job, job.quarantined > 0 ? try reader.quarantinedItems(of: job.id, limit: 100) : [])
            }
        }
    }

    /// The body that issues (and revokes) the 123.4 order: the territorial body of his district (168.1.8).
    static func freezeIssuer(_ license: License) -> String { "territorialBody/region/\(license.district)" }
}
