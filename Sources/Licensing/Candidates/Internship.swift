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

    /// 156.3: a host needs at least 3 years of service as a bailiff, state or private, counted
    /// as `BailiffExperience` counts it [DOMAIN §9.5-3], and must practise on the day: an active
    /// license and Chamber membership (140.1).
    public static let hostExperienceYears = 3

    public static func start(
        intern person: Person, host: Person, hostLicenses licenses: [License], hostMemberships memberships: [Membership],
        on date: LocalDate, existing: [Internship]
    ) throws(Rejection) -> Internship {
        let failures = Self.internDisqualifications(of: person, on: date)
        if !failures.isEmpty { throw Rejection.notEligible(failures, on: date, as: "an intern of a private bailiff") }
        guard let active = licenses.first(where: { $0.status(at: Instant(endOf: date)) == .active }) else {
            throw Rejection(
                .failedPrecondition, reason: "HOST_MAY_NOT_PRACTISE", message: "the host holds no active license on \(date)",
                article: "156.3")
        }
        guard memberships.contains(where: { $0.isActive(on: date) }) else {
            throw Rejection(
                .failedPrecondition, reason: "HOST_MAY_NOT_PRACTISE",
                message: "the host is not recorded as a member of the Chamber on \(date); only a private bailiff in practice hosts interns",
                article: "140.1")
        }
        let served = BailiffExperience.served(by: host, licenses: licenses, memberships: memberships, before: date)
        if let experienced = served.reachesYears(hostExperienceYears, continuingFrom: date) {
            throw Rejection(
                .failedPrecondition, reason: "HOST_UNDER_THREE_YEARS",
                message:
                    "the host has served \(served.yearsText) years as a bailiff (state service on record, and practice with an active license as a member of the Chamber); he may host interns from \(experienced) if he keeps practising",
                article: "156.3", retryOn: experienced)
        }
        guard !existing.contains(where: { $0.status == .ongoing }) else {
            throw Rejection(
                .alreadyExists, reason: "INTERNSHIP_ONGOING", message: "the intern already has an ongoing internship", article: "140.4")
        }
        return Internship(id: 0, intern: person.iin, host: active.number, startedOn: date, status: .ongoing, endedOn: nil, evidence: nil)
    }

    /// Completed (with its certificate) or interrupted (with its reason).
    public func ended(completed: Bool, on date: LocalDate, evidence: String) throws(Rejection) -> Internship {
        guard status == .ongoing else {
            throw Rejection(.failedPrecondition, reason: "INTERNSHIP_ENDED", message: "internship \(id) is \(status.rawValue)")
        }
        guard date >= startedOn else { throw Rejection.invalid("on", "before the internship started on \(startedOn)") }
        let evidence = evidence.trimmingWhitespace
        guard !evidence.isEmpty else {
            throw Rejection.invalid(
                "evidence", completed ? "give the completion certificate" : "give the reason of the interruption", article: "140.4")
        }
        var next = self
        next.status = completed ? .completed : .interrupted
        next.endedOn = date
        next.evidence = evidence
        return next
    }

    /// 156.3 and 156.1-1: an intern is a citizen with higher legal education whom none of the
    /// bars of 156.1-1 (`StaffBars`) reaches.
    public static func internDisqualifications(of person: Person, on date: LocalDate) -> [Disqualification] {
        var found: [Disqualification] = []
        if !person.facts(.citizenship).contains(where: { $0.covers(date) }) {
            found.append(
                .init(article: "156.3", reason: "NOT_A_CITIZEN", message: "not a citizen of the Republic of Kazakhstan on \(date)"))
        }
        if person.education(on: date) != .higherLegal {
            found.append(.init(article: "156.3", reason: "NO_HIGHER_LEGAL_EDUCATION", message: "has no higher legal education"))
        }
        found += StaffBars.disqualifications(of: person, on: date)
        return found
    }
}
