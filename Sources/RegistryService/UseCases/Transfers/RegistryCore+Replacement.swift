import Enforcement
import Foundation
import Licensing
import Logging
import RegistryStore

/// Input of `RecordTemporaryReplacement`.
public struct ReplacementCommand: Sendable {
    public var replaced: String
    public var substitute: String
    public var ground: String
    public var from: LocalDate
    public var to: LocalDate
    public var reference: String

    public init(replaced: String, substitute: String, ground: String, from: LocalDate, to: LocalDate, reference: String) {
        self.replaced = replaced
        self.substitute = substitute
        self.ground = ground
        self.from = from
        self.to = to
        self.reference = reference
    }
}

extension RegistryCore {
    /// Art. 153-1: the Republican Chamber (or, on its order, a regional chamber) hands a
    /// bailiff's proceedings to a substitute for a period; they come back at its end. The
    /// substitute must be able to act in the same district [POLICY: 152.2, the procedure is
    /// the Chamber's, 153-1.3]. Starts at once when the period has begun.
    public func recordTemporaryReplacement(_ command: ReplacementCommand, context: RequestContext) async throws -> StoredReplacement {
        try await mutate(context: context, subject: { "replacement:\($0.id)" }) { tx, now in
            guard let ground = ReplacementGround(rawValue: command.ground) else {
                throw Rejection.invalid(
                    "ground", "one of \(ReplacementGround.allCases.map(\.rawValue).joined(separator: ", "))", article: "153-1.2")
            }
            let replaced = try Self.requireLicense(command.replaced, field: "replaced_license", tx: tx)
            // Art. 153-1.3: the regional chamber of his own region organizes the replacement.
            try Self.requireOwnRegion(context.principal, license: replaced, article: "153-1.3")
            let substitute = try Self.requireLicense(command.substitute, field: "substitute_license", tx: tx)
            guard replaced.number != substitute.number else {
                throw Rejection.invalid("substitute_license", "a bailiff cannot replace himself", article: "153-1.1")
            }
            guard replaced.status == .active else {
                throw Rejection(
                    .failedPrecondition, reason: "NOT_ACTIVE",
                    message:
                        "license \(replaced.number) is \(replaced.status.rawValue): his proceedings are transferred, not temporarily handed",
                    article: "153-1.1")
            }
            // The substitute meets the same proof as any receiver: he may practise (license, the
            // Chamber, insurance, registration on record, no long absence) and is not himself replaced.
            let assessment = try Self.practiceAssessment(licenses: [substitute], at: now, store: tx)
            if let failed = assessment.blockers.first {
                throw Rejection(
                    .failedPrecondition, reason: "SUBSTITUTE_MAY_NOT_PRACTISE",
                    message: "the substitute \(substitute.number) may not act: \(failed.reason)", article: failed.condition.article)
            }
            let substituteReplaced = try tx.replacements(license: substitute.number.value).contains {
                $0.replacedLicense == substitute.number.value && $0.state != .ended && $0.from <= command.to && command.from <= $0.to
            }
            guard !substituteReplaced else {
                throw Rejection(
                    .failedPrecondition, reason: "SUBSTITUTE_REPLACED",
                    message: "the substitute \(substitute.number) is himself under a temporary replacement in that period",
                    article: "153-1.1")
            }
            guard substitute.district == replaced.district else {
                throw Rejection(
                    .failedPrecondition, reason: "OTHER_DISTRICT",
                    message: "the substitute practises in \(substitute.district), not in \(replaced.district)", article: "152.2")
            }
            let today = now.kazakhstanDate
            guard command.from <= command.to else { throw Rejection.invalid("to", "the period ends before it starts") }
            guard command.to >= today else { throw Rejection.invalid("to", "the period is already over (today is \(today))") }
            let reference = command.reference.trimmingWhitespace
            guard !reference.isEmpty else { throw Rejection.invalid("reference", "give the order's reference", article: "153-1.3") }
            let overlapping = try tx.replacements(license: replaced.number.value).contains {
                $0.replacedLicense == replaced.number.value && $0.state != .ended && $0.from <= command.to && command.from <= $0.to
            }
            guard !overlapping else {
                throw Rejection(
                    .alreadyExists, reason: "OVERLAPPING_REPLACEMENT",
                    message: "license \(replaced.number) already has a replacement in that period", article: "153-1")
            }
            let id = try tx.insertReplacement(
                replaced: replaced.number.value, substitute: substitute.number.value, ground: ground.rawValue,
                from: command.from, to: command.to, reference: reference, recordedBy: context.principal.uri, at: now)
            if command.from <= today { try Self.startReplacement(id, tx: tx, at: now) }
            return try tx.replacement(id)!
        }
    }

    /// The replaced bailiff's open proceedings go to the substitute; the parties are told (153-1.3).
    static func startReplacement(_ id: Int64, tx: StoreTransaction, at now: Instant) throws {
        guard let replacement = try tx.replacement(id) else { return }
        let held = try tx.proceedings(
            matching: ProceedingFilter(holderLicense: replacement.replacedLicense, status: .open), after: nil, limit: Int.max)
        for proceeding in held {
            try tx.move(
                proceeding.number, from: proceeding.holder, to: .bailiff(license: replacement.substituteLicense),
                reason: "temporaryReplacement", jobID: nil, explanation: nil, at: now)
            try tx.addReplacementItem(id, proceeding: proceeding.number)
            try notifyParties(
                proceeding.number, event: "replacement.started",
                detail: [
                    "replacement": .number(id), "substitute": .text(replacement.substituteLicense),
                    "until": .text(replacement.to.description),
                ],
                article: "153-1.3", tx: tx, at: now)
        }
        try tx.setReplacementState(id, .active)
    }

    /// At the end of the period the proceedings go back; if the replaced bailiff may no
    /// longer act, they go to the regional chamber for a transfer instead, under the
    /// configured policy and with the events of every other job. Only the proceedings the
    /// substitute still holds for the replacement take part: one moved away meanwhile (a
    /// hand-over, a relocation) was settled when it moved, and one found elsewhere now is
    /// settled here rather than stopping the end of the replacement.
    static func endReplacement(_ replacement: StoredReplacement, policy: TransferPolicy, tx: StoreTransaction, at now: Instant) throws {
        let substitute = EnforcementProceeding.Holder.bailiff(license: replacement.substituteLicense)
        var numbers: [String] = []
        for number in try tx.movedItems(of: replacement.id) {
            if let proceeding = try tx.proceeding(number), proceeding.status == .open, proceeding.holder == substitute {
                numbers.append(number)
            } else {
                try tx.settleReplacementItems([number])
            }
        }
        let back = try tx.license(LicenseNumber.parse(replacement.replacedLicense))
        if let back, back.status == .active {
            for number in numbers {
                try tx.setReplacementItem(replacement.id, proceeding: number, state: "returned")
                try tx.move(
                    number, from: substitute, to: .bailiff(license: back.number.value), reason: "replacementEnded", jobID: nil,
                    explanation: nil, at: now)
                try notifyParties(
                    number, event: "replacement.ended",
                    detail: ["replacement": .number(replacement.id), "returned_to": .text(back.number.value)],
                    article: "153-1.3", tx: tx, at: now)
            }
        } else if !numbers.isEmpty, let district = back?.district {
            for number in numbers {
                try tx.setReplacementItem(replacement.id, proceeding: number, state: "transferred")
                try tx.move(
                    number, from: substitute, to: .regionalChamber(district: district), reason: "handover", jobID: nil, explanation: nil,
                    at: now)
            }
            let job = try tx.createTransferJob(
                license: replacement.replacedLicense, trigger: "replacementEnded", triggerEntry: nil,
                triggerReference: "replacement \(replacement.id)", district: district,
                seed: ReassignmentPlanner.seed(for: "replacement:\(replacement.id)"), policy: policy,
                proceedings: numbers, at: now)
            try recordJobCreated(
                job, license: replacement.replacedLicense, district: district, count: numbers.count, trigger: "replacementEnded", tx: tx,
                at: now)
        }
        try tx.setReplacementState(replacement.id, .ended)
    }

    /// Starts and ends the replacements whose dates have come; run by the worker, also at
    /// startup, so a replacement whose whole period passed while registryd was down is
    /// started and ended in order. Each replacement is its own transaction: one that fails
    /// is logged and retried at the next run, and never holds up the others.
    public func runReplacements() async throws -> (started: Int, ended: Int) {
        let now = clock.now()
        let today = now.kazakhstanDate
        let (starting, ending) = try await store.read { reader in
            (try reader.replacementsToStart(on: today).map(\.id), try reader.replacementsToEnd(on: today).map(\.id))
        }
        var started = 0
        var ended = 0
        for id in Set(starting + ending).sorted() {
            do {
                let (didStart, didEnd) = try await store.write { tx -> (Bool, Bool) in
                    guard var replacement = try tx.replacement(id) else { return (false, false) }
                    var didStart = false
                    if replacement.state == .scheduled, replacement.from <= today {
                        try Self.startReplacement(id, tx: tx, at: now)
                        replacement = try tx.replacement(id)!
                        didStart = true
                    }
                    guard replacement.state == .active, replacement.to < today else { return (didStart, false) }
                    try Self.endReplacement(replacement, policy: self.transferPolicy, tx: tx, at: now)
                    return (didStart, true)
                }
                started += didStart ? 1 : 0
                ended += didEnd ? 1 : 0
            } catch {
                logger.error(
                    "temporary replacement could not be started or ended", metadata: ["replacement": "\(id)", "error": "\(error)"])
            }
        }
        return (started, ended)
    }

    /// Art. 153-1.3 ¶2: a creditor who disagrees with the temporary handing gets his document
    /// and the unused advance back on his application; the proceeding leaves the replacement.
    public func returnToCreditor(proceeding number: String, application: String, context: RequestContext) async throws
        -> EnforcementProceeding
    {
        try await mutate(context: context, subject: { "proceeding:\($0.number)" }) { tx, now in
            guard let proceeding = try tx.proceeding(number) else {
                throw Rejection(.notFound, reason: "PROCEEDING_NOT_FOUND", message: "no proceeding \(number) in the registry")
            }
            try Self.requireVisible(proceeding, to: context.principal)
            guard let replacement = try tx.activeReplacement(of: number) else {
                throw Rejection(
                    .failedPrecondition, reason: "NOT_TEMPORARILY_HANDED",
                    message: "proceeding \(number) is not temporarily handed to a substitute", article: "153-1.3")
            }
            let application = application.trimmingWhitespace
            guard !application.isEmpty else {
                throw Rejection.invalid("application", "give the reference of the creditor's application", article: "153-1.3")
            }
            try tx.setReplacementItem(replacement.id, proceeding: number, state: "returnedToCreditor")
            try tx.closeProceeding(number, from: proceeding.holder, reason: "returnedToCreditor", at: now)
            try tx.appendOutbox(
                eventType: "action.advance_return", subject: number,
                fields: [
                    "proceeding": .text(number), "amount": .text(proceeding.unusedAdvance.description), "application": .text(application),
                    "legal_basis": "153-1.3",
                ], at: now)
            return try tx.proceeding(number)!
        }
    }

    public func temporaryReplacements(license: String?, context: RequestContext) async throws -> [StoredReplacement] {
        let own = context.principal.role == .bailiff ? (context.principal.licenseNumber?.value ?? "-") : license
        return try await store.read { try $0.replacements(license: own) }
    }

    /// Tells creditor and debtor of a change in who handles their proceeding.
    static func notifyParties(
        _ number: String, event: String, detail: [String: OutboxValue], article: String, tx: StoreTransaction, at now: Instant
    ) throws {
        for party in ["creditor", "debtor"] {
            try tx.appendOutbox(
                eventType: "notification.party", subject: number,
                fields: detail.merging([
                    "proceeding": .text(number), "party": .text(party), "event": .text(event), "legal_basis": .text(article),
                ]) { $1 }, at: now)
        }
    }
}
