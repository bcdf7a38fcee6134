import Enforcement

/// An assistant of a private bailiff (156, 156-1; DOMAIN.md §3.25): employed on a labour
/// contract (156.6), with legal education and the certificate of the Republican Chamber's
/// training (156.2), whom none of the bars of 156.1-1 reaches.
public struct Assistant: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case employed, ended
    }

    /// The 156.2 certificate of professional training under a programme the Republican Chamber approved.
    public struct Certificate: Hashable, Sendable, Codable {
        public let number: String
        public let issuedOn: LocalDate
        public let programme: String

        public init(number: String, issuedOn: LocalDate, programme: String) {
            self.number = number
            self.issuedOn = issuedOn
            self.programme = programme
        }
    }

    public var id: Int64
    public let person: IIN
    public let employer: LicenseNumber
    /// The labour contract's reference (156.5, 156.6).
    public let contract: String
    public let employedFrom: LocalDate
    public let certificate: Certificate
    public var status: Status
    public var endedOn: LocalDate?
    public var endReason: String?

    public init(
        id: Int64, person: IIN, employer: LicenseNumber, contract: String, employedFrom: LocalDate, certificate: Certificate,
        status: Status, endedOn: LocalDate?, endReason: String?
    ) {
        self.id = id
        self.person = person
        self.employer = employer
        self.contract = contract
        self.employedFrom = employedFrom
        self.certificate = certificate
        self.status = status
        self.endedOn = endedOn
        self.endReason = endReason
    }

    /// 156.2 and 156.1-1 on `date`: a citizen with legal education (higher or not) whom no bar reaches.
    public static func disqualifications(of person: Person, on date: LocalDate) -> [Disqualification] {
        var found: [Disqualification] = []
        if !person.facts(.citizenship).contains(where: { $0.covers(date) }) {
            found.append(
                .init(article: "156.2", reason: "NOT_A_CITIZEN", message: "not a citizen of the Republic of Kazakhstan on \(date)"))
        }
        if person.education(on: date) == .other {
            found.append(.init(article: "156.2", reason: "NO_LEGAL_EDUCATION", message: "has no legal education on \(date)"))
        }
        found += StaffBars.disqualifications(of: person, on: date)
        return found
    }

    /// A bailiff takes an assistant on (156.1): the employer holds an active license on the day,
    /// the person qualifies (156.2, 156.1-1), the certificate and the labour contract are given, and
    /// he is not already this bailiff's assistant.
    public static func employ(
        _ person: Person, by employer: License, contract: String, from date: LocalDate, certificate: Certificate,
        existing: [Assistant]
    ) throws(Rejection) -> Assistant {
        let failures = disqualifications(of: person, on: date)
        if !failures.isEmpty { throw Rejection.notEligible(failures, on: date, as: "an assistant of a private bailiff") }
        guard employer.status(at: Instant(endOf: date)) == .active else {
            throw Rejection(
                .failedPrecondition, reason: "EMPLOYER_MAY_NOT_PRACTISE",
                message: "license \(employer.number) is not active on \(date); a private bailiff in practice may have assistants",
                article: "156.1")
        }
        let contract = contract.trimmingWhitespace
        guard !contract.isEmpty else { throw Rejection.invalid("contract", "the labour contract's reference", article: "156.6") }
        guard !certificate.number.trimmingWhitespace.isEmpty else {
            throw Rejection.invalid("certificate", "the certificate of training under the Republican Chamber's programme", article: "156.2")
        }
        guard !certificate.programme.trimmingWhitespace.isEmpty else {
            throw Rejection.invalid("programme", "the Republican Chamber's training programme the certificate names", article: "156.2")
        }
        guard certificate.issuedOn <= date else {
            throw Rejection.invalid(
                "certificate_on", "the certificate of \(certificate.issuedOn) postdates the employment on \(date)", article: "156.2")
        }
        if let current = existing.first(where: { $0.status == .employed && $0.employer == employer.number }) {
            throw Rejection(
                .alreadyExists, reason: "ALREADY_AN_ASSISTANT",
                message: "already this bailiff's assistant since \(current.employedFrom) (entry \(current.id))", article: "156.1")
        }
        return Assistant(
            id: 0, person: person.iin, employer: employer.number, contract: contract, employedFrom: date,
            certificate: certificate, status: .employed, endedOn: nil, endReason: nil)
    }

    /// The labour contract ends (156.6), with its reason.
    public func ended(on date: LocalDate, reason: String) throws(Rejection) -> Assistant {
        guard status == .employed else {
            throw Rejection(
                .failedPrecondition, reason: "ASSISTANT_ENDED", message: "assistant entry \(id) ended on \(endedOn?.description ?? "?")")
        }
        guard date >= employedFrom else { throw Rejection.invalid("on", "before the employment began on \(employedFrom)") }
        let reason = reason.trimmingWhitespace
        guard !reason.isEmpty else { throw Rejection.invalid("reason", "why the labour contract ended", article: "156.6") }
        var next = self
        next.status = .ended
        next.endedOn = date
        next.endReason = reason
        return next
    }

    /// Employed on `date`: from the first day until (not including) the end day.
    public func isEmployed(on date: LocalDate) -> Bool {
        employedFrom <= date && (endedOn.map { date < $0 } ?? true)
    }
}
