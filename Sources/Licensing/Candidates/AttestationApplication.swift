import Enforcement

/// An application for admission to attestation (141-1.2–4; DOMAIN.md §3.5, §4.2), lodged with the
/// territorial body of the candidate's residence, which returns an incomplete one within 5 working
/// days and refuses one whose candidate fails 140.1/140.2 within 15, or admits him.
public struct AttestationApplication: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case submitted, returnedIncomplete, refused, admitted
        /// Invited to a session (141-1.5).
        case scheduled
        case passed, notPassed
        /// Removed for using aids (141-1.10): a new application only 3 months after the decision.
        case removed
        /// Absent a second time (141-1.11 ¶2): not considered, returned.
        case notConsideredReturned
    }

    public var id: Int64
    public let candidate: IIN
    /// The district of the territorial body that received it: the candidate's residence.
    public let region: String
    public let receivedOn: LocalDate
    public let returnDueOn: LocalDate
    public let decisionDueOn: LocalDate
    public var status: Status
    public var decidedOn: LocalDate?
    public var reasons: String?
    /// The articles a refusal rests on.
    public var legalBasis: String?
    /// Decided after its deadline; kept, and visible as late.
    public var late: Bool

    /// Where a refused candidate turns (141-1.4 ¶3).
    public static let appealRoute =
        "an administrative complaint to the Ministry, then the court under the administrative procedure law (141-1.4)"

    public init(
        id: Int64, candidate: IIN, region: String, receivedOn: LocalDate, returnDueOn: LocalDate, decisionDueOn: LocalDate,
        status: Status, decidedOn: LocalDate?, reasons: String?, legalBasis: String?, late: Bool
    ) {
        self.id = id
        self.candidate = candidate
        self.region = region
        self.receivedOn = receivedOn
        self.returnDueOn = returnDueOn
        self.decisionDueOn = decisionDueOn
        self.status = status
        self.decidedOn = decidedOn
        self.reasons = reasons
        self.legalBasis = legalBasis
        self.late = late
    }

    /// 141-1.2: through the territorial body of his residence, with no other application under way.
    /// Every such application is registered; one without a completed internship (141-1.2), from a
    /// candidate removed within 3 months (141-1.10) or failing 140.1/140.2 on the day (141-1.4) is
    /// decided at once: refused with its reasons, articles and the appeal route [DOMAIN §9.5], not
    /// turned away as a bare error, so the candidate holds a decision he can appeal.
    public static func submit(
        by person: Person, region: String, receivedOn: LocalDate, internships: [Internship],
        previous: [AttestationApplication], calendar: WorkingCalendar
    ) throws(Rejection) -> AttestationApplication {
        let residence = person.residence(on: receivedOn)
        guard region == residence else {
            throw Rejection(
                .failedPrecondition, reason: "NOT_THE_RESIDENCE_BODY",
                message: "the candidate lives in \(residence); he applies through that territorial body, not \(region)", article: "141-1.2")
        }
        if let open = previous.first(where: { $0.status == .submitted || $0.status == .admitted || $0.status == .scheduled }) {
            throw Rejection(
                .alreadyExists, reason: "APPLICATION_UNDER_WAY",
                message: "application \(open.id) of \(open.receivedOn) is \(open.status.rawValue)", article: "141-1.2")
        }
        var application: AttestationApplication
        do {
            application = AttestationApplication(
                id: 0, candidate: person.iin, region: region, receivedOn: receivedOn,
                returnDueOn: try calendar.adding(workingDays: 5, to: receivedOn),
                decisionDueOn: try calendar.adding(workingDays: 15, to: receivedOn),
                status: .submitted, decidedOn: nil, reasons: nil, legalBasis: nil, late: false)
        } catch {
            throw Rejection(.failedPrecondition, reason: "CALENDAR_GAP", message: "\(error)", article: "141-1.3")
        }
        if let refusal = Self.refusalOnReceipt(of: person, on: receivedOn, internships: internships, previous: previous) {
            application.status = .refused
            application.decidedOn = receivedOn
            application.reasons = refusal.message + "; appeal: " + Self.appealRoute
            application.legalBasis = refusal.article?.reference ?? "141-1.4"
        }
        return application
    }

    /// Why an application is refused on the day it is received, if it is.
    static func refusalOnReceipt(of person: Person, on date: LocalDate, internships: [Internship], previous: [AttestationApplication])
        -> Rejection?
    {
        guard internships.contains(where: { $0.status == .completed && ($0.endedOn ?? date) <= date }) else {
            return Rejection(
                .failedPrecondition, reason: "NO_COMPLETED_INTERNSHIP",
                message: "incomplete: no completed internship is recorded for the candidate (a condition of admission, 141-1.2, 140.4)",
                article: "141-1.2")
        }
        // Art. 141-1.10: after a removal, a new application only 3 months after the commission's decision.
        for removed in previous where removed.status == .removed {
            if let decided = removed.decidedOn, date < decided.adding(months: 3) {
                return Rejection(
                    .failedPrecondition, reason: "REMOVED_FROM_ATTESTATION",
                    message:
                        "removed from the attestation by the decision of \(decided); a new application is possible from \(decided.adding(months: 3))",
                    article: "141-1.10", retryOn: decided.adding(months: 3))
            }
        }
        let failures = Eligibility.disqualifications(of: person, on: date)
        return failures.isEmpty ? nil : Rejection.notEligible(failures, on: date)
    }

    /// 141-1.3: returned as incomplete, with written reasons, within 5 working days of receipt;
    /// after that the application must be considered on its merits.
    public func returnedIncomplete(reasons: String, on date: LocalDate) throws(Rejection) -> AttestationApplication {
        try requireSubmitted(on: date)
        guard date <= returnDueOn else {
            throw Rejection(
                .failedPrecondition, reason: "RETURN_TERM_PASSED",
                message: "an incomplete application is returned within 5 working days, by \(returnDueOn); it must now be reviewed",
                article: "141-1.3")
        }
        let reasons = reasons.trimmingWhitespace
        guard !reasons.isEmpty else {
            throw Rejection.invalid("reasons", "state in writing what is missing or malformed", article: "141-1.3")
        }
        var next = self
        next.status = .returnedIncomplete
        next.decidedOn = date
        next.reasons = reasons
        next.legalBasis = "141-1.3"
        return next
    }

    /// 141-1.4: the candidate is checked against 140.1 and 140.2 on the day of the decision:
    /// refused with the reasons and their articles, or admitted. Late if after 15 working days.
    public func reviewed(candidate person: Person, on date: LocalDate) throws(Rejection) -> AttestationApplication {
        try requireSubmitted(on: date)
        var next = self
        next.decidedOn = date
        next.late = date > decisionDueOn
        let failures = Eligibility.disqualifications(of: person, on: date)
        if failures.isEmpty {
            next.status = .admitted
        } else {
            let refusal = Rejection.notEligible(failures, on: date)
            next.status = .refused
            next.reasons = refusal.message + "; appeal: " + Self.appealRoute
            next.legalBasis = refusal.article?.reference ?? "141-1.4"
        }
        return next
    }

    private func requireSubmitted(on date: LocalDate) throws(Rejection) {
        guard status == .submitted else {
            throw Rejection(
                .failedPrecondition, reason: "ALREADY_DECIDED", message: "application \(id) is \(status.rawValue)", article: "141-1.4")
        }
        guard date >= receivedOn else { throw Rejection.invalid("on", "before it was received on \(receivedOn)") }
    }

    /// Undecided past its deadline on `date` (ListOverdue).
    public func isOverdue(on date: LocalDate) -> Bool { status == .submitted && date > decisionDueOn }
}
