import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// A chamber opens a disciplinary proceeding (170.2, 162.1.2-4, 163-1.1.3-3). While it is
    /// open the bailiff cannot leave on his own application (144.5).
    public func openDisciplinaryProceeding(licenseNumber text: String, openedOn: LocalDate?, source: String, context: RequestContext)
        async throws -> DisciplinaryProceeding
    {
        try await mutate(context: context, subject: { "discipline:\($0.id)" }) { tx, now in
            let license = try Self.requireLicense(text, field: "license_number", tx: tx)
            // Art. 162.1.2-4: a regional chamber acts on the bailiffs of its own region.
            try Self.requireOwnRegion(context.principal, license: license, article: "162.1.2-4")
            let number = license.number
            let today = now.kazakhstanDate
            let date = openedOn ?? today
            guard date <= today else { throw Rejection.invalid("opened_on", "\(date) is in the future (today is \(today))") }
            let source = source.trimmingWhitespace
            guard !source.isEmpty else {
                throw Rejection.invalid(
                    "source", "name what the proceeding was opened on: a representation, a complaint, the chamber's own material",
                    article: "170.2")
            }
            let proceeding = try tx.insert(
                DisciplinaryProceeding(
                    id: 0, licenseNumber: number, openedOn: date, openedBy: context.principal.uri,
                    source: source, closedOn: nil, outcome: nil))
            try tx.appendOutbox(
                eventType: "discipline.opened", subject: number.value,
                payload: #"{"id":\#(proceeding.id),"license":"\#(number)","opened_on":"\#(date)"}"#, at: now)
            return proceeding
        }
    }

    /// The chamber closes a proceeding with its outcome.
    public func closeDisciplinaryProceeding(id: Int64, closedOn: LocalDate?, outcome: String, penalty: String = "", context: RequestContext)
        async throws -> DisciplinaryProceeding
    {
        try await mutate(context: context, subject: { "discipline:\($0.id)" }) { tx, now in
            guard var proceeding = try tx.disciplinaryProceeding(id) else {
                throw Rejection(.notFound, reason: "PROCEEDING_NOT_FOUND", message: "no disciplinary proceeding \(id)")
            }
            guard proceeding.closedOn == nil else {
                throw Rejection(
                    .failedPrecondition, reason: "ALREADY_CLOSED",
                    message: "disciplinary proceeding \(id) was closed on \(proceeding.closedOn!)")
            }
            // Art. 170.2–170.3: the disciplinary commission that opened it decides it. The Republican
            // Chamber's say over a regional chamber's decision is the appeal (AppealPenalty), not closing it.
            try Self.requireOpeningBody(context.principal, opened: proceeding)
            let today = now.kazakhstanDate
            let date = closedOn ?? today
            guard date <= today, date >= proceeding.openedOn else {
                throw Rejection.invalid("closed_on", "must lie between the opening on \(proceeding.openedOn) and today (\(today))")
            }
            let outcome = outcome.trimmingWhitespace
            guard !outcome.isEmpty else {
                throw Rejection.invalid("outcome", "state how the proceeding ended (penalty or none)", article: "170.3")
            }
            if !penalty.isEmpty {
                guard let imposed = DisciplinaryPenalty(rawValue: penalty) else {
                    throw Rejection.invalid(
                        "penalty", "one of \(DisciplinaryPenalty.allCases.map(\.rawValue).joined(separator: ", ")), or none",
                        article: "170.1")
                }
                proceeding.penalty = imposed
            }
            proceeding.closedOn = date
            proceeding.outcome = outcome
            try tx.close(proceeding)
            try tx.appendOutbox(
                eventType: "discipline.closed", subject: proceeding.licenseNumber.value,
                payload: #"{"id":\#(id),"license":"\#(proceeding.licenseNumber)","closed_on":"\#(date)"}"#, at: now)
            return proceeding
        }
    }

    /// The same body (role and region, whatever the certificate's name label) that opened the proceeding.
    static func requireOpeningBody(_ principal: Principal, opened proceeding: DisciplinaryProceeding) throws(Rejection) {
        let opener = try? Principal(uri: proceeding.openedBy)
        guard let opener, opener.role == principal.role, opener.region == principal.region else {
            throw Rejection(
                .permissionDenied, reason: "NOT_THE_OPENING_BODY",
                message:
                    "disciplinary proceeding \(proceeding.id) was opened by \(opener.map { "the \($0.role.rawValue)\($0.region.map { " of \($0)" } ?? "")" } ?? proceeding.openedBy); only that body closes it",
                article: "170.3")
        }
    }

    /// The proceedings against a bailiff, and the ids of those whose penalty still counts today (170.4).
    public func disciplinaryProceedings(licenseNumber text: String, context: RequestContext) async throws -> (
        [DisciplinaryProceeding], Set<Int64>
    ) {
        let number = try LicenseNumber.parse(text, field: "license_number")
        let proceedings = try await store.read { try $0.disciplinaryProceedings(of: number) }
        let today = clock.now().kazakhstanDate
        let imposed = proceedings.filter { $0.appealOutcome != "annulled" }
            .compactMap { p in p.penalty.flatMap { penalty in p.closedOn.map { (on: $0, penalty: penalty, id: p.id) } } }
        let counting = DisciplinaryPenalty.inForce(imposed.map { (on: $0.on, penalty: $0.penalty) }, on: today)
        let inForce = Set(imposed.filter { item in counting.contains { $0.on == item.on && $0.penalty == item.penalty } }.map(\.id))
        return (proceedings, inForce)
    }

    /// The appeal of a penalty, decided as the charter provides (170.3): upheld, or annulled,
    /// after which the penalty never counts.
    public func appealPenalty(proceeding id: Int64, annulled: Bool, decision: String, context: RequestContext) async throws
        -> DisciplinaryProceeding
    {
        try await mutate(context: context, subject: { "discipline:\($0.id)" }) { tx, _ in
            guard var proceeding = try tx.disciplinaryProceeding(id) else {
                throw Rejection(.notFound, reason: "PROCEEDING_NOT_FOUND", message: "no disciplinary proceeding \(id)")
            }
            guard proceeding.penalty != nil else {
                throw Rejection(.failedPrecondition, reason: "NO_PENALTY", message: "proceeding \(id) imposed no penalty", article: "170.3")
            }
            guard proceeding.appealOutcome == nil else {
                throw Rejection(
                    .failedPrecondition, reason: "ALREADY_APPEALED",
                    message: "the penalty of proceeding \(id) was already appealed (\(proceeding.appealOutcome!))", article: "170.3")
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
