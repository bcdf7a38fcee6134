import Enforcement

/// An internship with a private bailiff (140.4, 156.3–4; DOMAIN.md §3.3), which a candidate
/// completes before applying for attestation (141-1.2).
public struct Internship: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case ongoing, completed, interrupted
    }

    public var id: Int64
    public let intern: IIN
    public let host: LicenseNumber
    public let startedOn: LocalDate
    public var status: Status
    public var endedOn: LocalDate?
    /// The completion certificate or the reason of the interruption.
    public var evidence: String?

    public init(id: Int64, intern: IIN, host: LicenseNumber, startedOn: LocalDate, status: Status, endedOn: LocalDate?, evidence: String?) {
        self.id = id
        self.intern = intern
        self.host = host
        self.startedOn = startedOn
        self.status = status
        self.endedOn = endedOn
        self.evidence = evidence
    }

    /// 156.3: a host needs at least 3 years of work as a private bailiff [§9.1-18: counted from his
    /// first license], and must hold an active license then.
    public static let hostExperienceYears = 3

    public static func start(intern person: Person, host licenses: [License], on date: LocalDate, existing: [Internship]) throws(Rejection) -> Internship {
        let failures = Self.internDisqualifications(of: person, on: date)
        if !failures.isEmpty { throw Rejection.notEligible(failures, on: date) }
        guard let active = licenses.first(where: { $0.status(at: Instant(startOf: date.adding(days: 1))) == .active }) else {
            throw Rejection(.failedPrecondition, reason: "HOST_MAY_NOT_PRACTISE", message: "the host holds no active license on \(date)", article: "156.3")
        }
        let first = licenses.map(\.issuedOn).min()!
        let experienced = first.adding(years: hostExperienceYears)
        guard date >= experienced else {
            throw Rejection(.failedPrecondition, reason: "HOST_UNDER_THREE_YEARS",
                            message: "the host has been a private bailiff since \(first); he may host interns from \(experienced)",
                            article: "156.3", retryOn: experienced)
        }
        guard !existing.contains(where: { $0.status == .ongoing }) else {
            throw Rejection(.alreadyExists, reason: "INTERNSHIP_ONGOING", message: "the intern already has an ongoing internship", article: "140.4")
        }
        return Internship(id: 0, intern: person.iin, host: active.number, startedOn: date, status: .ongoing, endedOn: nil, evidence: nil)
    }

    /// Completed (with its certificate) or interrupted (with its reason).
    public func ended(completed: Bool, on date: LocalDate, evidence: String) throws(Rejection) -> Internship {
        guard status == .ongoing else { throw Rejection(.failedPrecondition, reason: "INTERNSHIP_ENDED", message: "internship \(id) is \(status.rawValue)") }
        guard date >= startedOn else { throw Rejection.invalid("on", "before the internship started on \(startedOn)") }
        let evidence = evidence.trimmingWhitespace
        guard !evidence.isEmpty else {
            throw Rejection.invalid("evidence", completed ? "give the completion certificate" : "give the reason of the interruption", article: "140.4")
        }
        var next = self
        next.status = completed ? .completed : .interrupted
        next.endedOn = date
        next.evidence = evidence
        return next
    }

    /// 156.3 and 156.1-1: an intern is a citizen with higher legal education who was never declared
    /// incapable (while in force), convicted of a corruption crime, dismissed on negative grounds, and
    /// has no unexpunged record [§9.1-17: read literally, without time limits].
    public static func internDisqualifications(of person: Person, on date: LocalDate) -> [Disqualification] {
        var found: [Disqualification] = []
        if !person.facts(.citizenship).contains(where: { $0.covers(date) }) {
            found.append(.init(article: "156.3", reason: "NOT_A_CITIZEN", message: "not a citizen of the Republic of Kazakhstan on \(date)"))
        }
        if person.education(on: date) != .higherLegal {
            found.append(.init(article: "156.3", reason: "NO_HIGHER_LEGAL_EDUCATION", message: "has no higher legal education"))
        }
        if person.facts(.incapacity).contains(where: { $0.covers(date) }) {
            found.append(.init(article: "156.1-1", reason: "DECLARED_INCAPABLE", message: "declared legally incapable or of limited capacity"))
        }
        if person.facts(.conviction).contains(where: { ($0.ground ?? "").lowercased().contains("corrupt") && $0.from <= date }) {
            found.append(.init(article: "156.1-1", reason: "CORRUPTION_CRIME", message: "committed a corruption crime"))
        }
        if person.facts(.negativeDismissal).contains(where: { $0.from <= date }) {
            found.append(.init(article: "156.1-1", reason: "NEGATIVE_DISMISSAL", message: "was dismissed on negative grounds"))
        }
        if person.facts(.conviction).contains(where: { $0.covers(date) }) {
            found.append(.init(article: "156.1-1", reason: "UNEXPUNGED_CONVICTION", message: "has a criminal record not expunged or removed"))
        }
        return found
    }
}
