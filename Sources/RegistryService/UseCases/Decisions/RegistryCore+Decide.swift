import Enforcement
import Foundation
import Licensing
import RegistryStore

extension RegistryCore {
    /// The frame of every license decision: load the license in the transaction, let
    /// the domain decide, and record in the same transaction what follows from it:
    /// the history entry, an outbox event for publication and case transfer, a notice
    /// per recipient (143.7, 162.1.2-3), the deadlines it sets (148.1.9-2, 162.1.2-3,
    /// 143.3) and the deadlines it closes.
    func decide(
        number text: String, context: RequestContext,
        _ transition: @escaping @Sendable (StoreTransaction, License, DecisionContext) throws -> License
    ) async throws -> License {
        try await mutate(context: context, subject: { "license:\($0.number)" }) { tx, now in
            let current = try Self.requireLicense(text, tx: tx)
            let decided = try transition(tx, current, DecisionContext(actor: context.principal.uri, requestID: context.requestID, now: now))
            try tx.record(decided, replacing: current)
            try Self.recordEffects(of: decided, in: tx, at: now, policy: self.transferPolicy)
            return decided
        }
    }

    static func recordEffects(of license: License, in tx: StoreTransaction, at now: Instant, policy: TransferPolicy) throws {
        guard let change = license.history.last else { return }
        let entry = license.history.count - 1
        let event = LicenseEvent(license: license, entry: entry)
        let payload = try String(decoding: Self.eventEncoder.encode(event), as: UTF8.self)
        try tx.appendOutbox(eventType: event.eventType, subject: license.number.value, payload: payload, at: now)
        for notice in license.noticesOfLastDecision {
            let body = try String(decoding: Self.eventEncoder.encode(LicenseEvent.Notice(notice: notice, event: event)), as: UTF8.self)
            try tx.appendOutbox(eventType: "notification", subject: license.number.value, payload: body, at: now)
        }
        // Any later decision answers the Ministry's review at the end of a term (L4).
        if !change.kind.isClaimStep {
            try tx.closeDeadlines(
                of: license.number, kinds: [.suspensionTermReview], closedBy: "entry \(entry) (\(change.kind.rawValue))", at: now)
        }
        // What an annulled decision set is no longer due.
        if change.kind == .annulled, let annulled = change.annulsEntry {
            try tx.closeDeadlines(
                of: license.number, kinds: Set(LicenseDeadline.Kind.allCases), entry: annulled,
                closedBy: "entry \(annulled) annulled by entry \(entry)", at: now)
        }
        // Art. 143.6, 144.4: the proceedings of a bailiff who lost the right to act are transferred.
        var job: Int64?
        let losesRight = change.kind.removesRightToAct && entry > 0 && license.history[entry - 1].status == .active
        if losesRight {
            job = try startTransferJob(
                from: license, trigger: change.kind.rawValue, entry: entry, reference: nil,
                seed: "\(license.number):\(entry):\(change.decidedAt.millisecondsSinceEpoch)", policy: policy, freezeAccount: true, tx: tx,
                at: now)
        }
        // Art. 123.4–123.5: when the ground falls away (reinstatement, or an annulment that restores
        // him), the body that froze the account revokes its order.
        let regainsRight = change.status == .active && entry > 0 && license.history[entry - 1].status != .active
        if regainsRight {
            try tx.appendOutbox(
                eventType: "action.account_freeze_revoked", subject: license.number.value,
                fields: [
                    "license": .text(license.number.value), "trigger": .text(change.kind.rawValue), "legal_basis": "123.5",
                    "issuer": .text(freezeIssuer(license)),
                ], at: now)
        }
        let calendar = try tx.workingCalendar()
        let deadlines: [LicenseDeadline]
        do {
            deadlines = try license.deadlinesOfLastDecision(calendar: calendar)
        } catch {
            throw Rejection(.failedPrecondition, reason: "CALENDAR_GAP", message: "\(error)", article: "148.1.9-2")
        }
        // With no proceeding to transfer there is no job, so no chamber transfer measures are due
        // (162.1.2-3); the bailiff still hands over his records and archive (148.1.9-2).
        for deadline in deadlines where !(losesRight && job == nil && deadline.kind == .chamberTransferMeasures) {
            try tx.insert(deadline, at: now)
        }
        if change.kind == .annulled, let annulled = change.annulsEntry {
            try cancelTransferJob(for: license, annulledEntry: annulled, tx: tx, at: now)
        }
    }

    /// As `resolveProposal`, for a measure the Law grants only on a representation (143.1, 144.3).
    static func requireProposal(
        reference: ProposalReference?, id: Int64?, license: License, measure: LicenseGround.Measure,
        tx: StoreTransaction, at now: Instant
    ) throws -> ProposalReference {
        guard let proposal = try resolveProposal(reference: reference, id: id, license: license, measure: measure, tx: tx, at: now) else {
            let (article, bodies): (Article, String) =
                measure == .suspension
                ? ("143.1", "a territorial body or a chamber") : ("144.3", "a prosecutor, a chamber or a territorial body")
            throw Rejection(
                .invalidArgument, reason: "PROPOSAL_REQUIRED", message: "a \(measure.rawValue) is decided on a proposal of \(bodies)",
                article: article, fieldViolations: [.init(field: "proposal", description: "required")])
        }
        return proposal
    }

    static let eventEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    /// The representation a decision answers: given as a document reference, or as a
    /// proposal submitted through the registry, which the decision accepts in its
    /// own transaction so that one proposal founds one decision.
    static func resolveProposal(
        reference: ProposalReference?, id: Int64?, license: License, measure: LicenseGround.Measure,
        tx: StoreTransaction, at now: Instant
    ) throws -> ProposalReference? {
        guard let id, id != 0 else { return reference }
        guard reference == nil else { throw Rejection.invalid("proposal", "give the proposal's id or its document reference, not both") }
        guard let stored = try tx.proposal(id) else {
            throw Rejection(.notFound, reason: "PROPOSAL_NOT_FOUND", message: "no proposal \(id)")
        }
        let accepted = try stored.accepted(by: license, measure: measure, at: now)
        try tx.update(accepted)
        return accepted.reference
    }
}

/// The outbox payload of a license decision: what publication (143.7, 163-1.1.6-5)
/// and the case-transfer engine (143.6, 144.4) need, and no IIN.
struct LicenseEvent: Codable {
    var number: String
    var holderName: String
    var district: String
    var entry: Int
    var kind: String
    var status: String
    var ground: String?
    var legalBasis: String
    var decisionDate: String
    var effectiveDate: String
    var decidedAtMs: Int64
    var termEnd: String?
    /// The bailiff may no longer act: his proceedings go to the regional chamber.
    var handOver: Bool

    init(license: License, entry: Int) {
        let change = license.history[entry]
        number = license.number.value
        holderName = license.holderName.description
        district = license.district
        self.entry = entry
        kind = change.kind.rawValue
        status = change.status.rawValue
        ground = change.groundCode
        legalBasis = change.legalBasis.reference
        decisionDate = change.decisionDate.description
        effectiveDate = change.effectiveDate.description
        decidedAtMs = change.decidedAt.millisecondsSinceEpoch
        termEnd = change.termEnd?.description
        handOver = change.kind.removesRightToAct
    }

    /// "license.suspended", "license.deprivation_claim_filed", …
    var eventType: String {
        "license."
            + kind.reduce(into: "") { text, character in
                if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
            }
    }

    struct Notice: Codable {
        var recipient: String
        var legalBasis: String
        var event: LicenseEvent

        init(notice: LicenseNotice, event: LicenseEvent) {
            recipient = notice.recipient
            legalBasis = notice.article.reference
            self.event = event
        }
    }
}
