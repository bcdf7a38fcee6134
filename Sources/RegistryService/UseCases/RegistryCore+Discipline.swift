import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// A chamber opens a disciplinary proceeding (170.2, 162.1.2-4, 163-1.1.3-3). While it is
    /// open the bailiff cannot leave on his own application (144.5).
    public func openDisciplinaryProceeding(licenseNumber text: String, openedOn: LocalDate?, source: String, context: RequestContext) async throws -> DisciplinaryProceeding {
        try await mutate(.openDisciplinaryProceeding, context: context, subject: { "discipline:\($0.id)" }) { tx, now in
            let number = try Self.requireLicense(text, field: "license_number", tx: tx).number
            let today = now.kazakhstanDate
            let date = openedOn ?? today
            guard date <= today else { throw Rejection.invalid("opened_on", "\(date) is in the future (today is \(today))") }
            let source = source.trimmingWhitespace
            guard !source.isEmpty else {
                throw Rejection.invalid("source", "name what the proceeding was opened on: a representation, a complaint, the chamber's own material", article: "170.2")
            }
            let proceeding = try tx.insert(DisciplinaryProceeding(id: 0, licenseNumber: number, openedOn: date, openedBy: context.principal.uri,
                                                                  source: source, closedOn: nil, outcome: nil))
            try tx.appendOutbox(eventType: "discipline.opened", subject: number.value,
                                payload: #"{"id":\#(proceeding.id),"license":"\#(number)","opened_on":"\#(date)"}"#, at: now)
            return proceeding
        }
    }

    /// The chamber closes a proceeding with its outcome.
    public func closeDisciplinaryProceeding(id: Int64, closedOn: LocalDate?, outcome: String, penalty: String = "", context: RequestContext) async throws -> DisciplinaryProceeding {
        try await mutate(.closeDisciplinaryProceeding, context: context, subject: { "discipline:\($0.id)" }) { tx, now in
            guard var proceeding = try tx.disciplinaryProceeding(id) else {
                throw Rejection(.notFound, reason: "PROCEEDING_NOT_FOUND", message: "no disciplinary proceeding \(id)")
            }
            guard proceeding.closedOn == nil else {
                throw Rejection(.failedPrecondition, reason: "ALREADY_CLOSED", message: "disciplinary proceeding \(id) was closed on \(proceeding.closedOn!)")
            }
            let today = now.kazakhstanDate
            let date = closedOn ?? today
            guard date <= today, date >= proceeding.openedOn else {
                throw Rejection.invalid("closed_on", "must lie between the opening on \(proceeding.openedOn) and today (\(today))")
            }
            let outcome = outcome.trimmingWhitespace
            guard !outcome.isEmpty else { throw Rejection.invalid("outcome", "state how the proceeding ended (penalty or none)", article: "170.3") }
            if !penalty.isEmpty {
                guard let imposed = DisciplinaryPenalty(rawValue: penalty) else {
                    throw Rejection.invalid("penalty", "one of \(DisciplinaryPenalty.allCases.map(\.rawValue).joined(separator: ", ")), or none", article: "170.1")
                }
                proceeding.penalty = imposed
            }
            proceeding.closedOn = date
            proceeding.outcome = outcome
            try tx.close(proceeding)
            try tx.appendOutbox(eventType: "discipline.closed", subject: proceeding.licenseNumber.value,
                                payload: #"{"id":\#(id),"license":"\#(proceeding.licenseNumber)","closed_on":"\#(date)"}"#, at: now)
            return proceeding
        }
    }

    /// The proceedings against a bailiff, and the ids of those whose penalty still counts today (170.4).
    public func disciplinaryProceedings(licenseNumber text: String, context: RequestContext) async throws -> ([DisciplinaryProceeding], Set<Int64>) {
        try await authorize(.listDisciplinaryProceedings, context)
        let number = try LicenseNumber.parse(text, field: "license_number")
        let proceedings = try store.read { try $0.disciplinaryProceedings(of: number) }
        let today = clock.now().kazakhstanDate
        let imposed = proceedings.filter { $0.appealOutcome != "annulled" }
            .compactMap { p in p.penalty.flatMap { penalty in p.closedOn.map { (on: $0, penalty: penalty, id: p.id) } } }
        let counting = DisciplinaryPenalty.inForce(imposed.map { (on: $0.on, penalty: $0.penalty) }, on: today)
        let inForce = Set(imposed.filter { item in counting.contains { $0.on == item.on && $0.penalty == item.penalty } }.map(\.id))
        return (proceedings, inForce)
    }

    /// The appeal of a penalty, decided as the charter provides (170.3): upheld, or annulled,
    /// after which the penalty never counts.
    public func appealPenalty(proceeding id: Int64, annulled: Bool, decision: String, context: RequestContext) async throws -> DisciplinaryProceeding {
        try await mutate(.appealPenalty, context: context, subject: { "discipline:\($0.id)" }) { tx, _ in
            guard var proceeding = try tx.disciplinaryProceeding(id) else {
                throw Rejection(.notFound, reason: "PROCEEDING_NOT_FOUND", message: "no disciplinary proceeding \(id)")
            }
            guard proceeding.penalty != nil else { throw Rejection(.failedPrecondition, reason: "NO_PENALTY", message: "proceeding \(id) imposed no penalty", article: "170.3") }
            guard proceeding.appealOutcome == nil else {
                throw Rejection(.failedPrecondition, reason: "ALREADY_APPEALED", message: "the penalty of proceeding \(id) was already appealed (\(proceeding.appealOutcome!))", article: "170.3")
            }
            let decision = decision.trimmingWhitespace
            guard !decision.isEmpty else { throw Rejection.invalid("decision", "give the appeal decision's reference", article: "170.3") }
            proceeding.appealOutcome = annulled ? "annulled" : "upheld"
            proceeding.appealDecision = decision
            try tx.recordAppeal(proceeding)
            return proceeding
        }
    }
}
