import Enforcement

/// A recorded exemption from internship and attestation (142.5; DOMAIN.md §5.2), checked
/// against its evidence when it is recorded.
public struct Exemption: Hashable, Sendable, Codable {
    /// A period of service counted for 142.5.3 or 142.5.4.
    public struct Service: Hashable, Sendable, Codable {
        public let from: LocalDate
        public let to: LocalDate
        public let position: String

        public init(from: LocalDate, to: LocalDate, position: String) {
            self.from = from
            self.to = to
            self.position = position
        }
    }

    public var id: Int64
    public let person: IIN
    public let ground: ExemptionGround
    /// The documents: exam, court internship and opinion (142.5.1); the appointment or release (142.5.2); service records.
    public let evidence: String
    public let service: [Service]
    /// For a former judge: the ConstLaw 34.1 ground of his release.
    public let releaseGround: String?

    public init(id: Int64, person: IIN, ground: ExemptionGround, evidence: String, service: [Service], releaseGround: String?) {
        self.id = id
        self.person = person
        self.ground = ground
        self.evidence = evidence
        self.service = service
        self.releaseGround = releaseGround
    }

    /// The release grounds of ConstLaw 34.1 that keep a former judge exempt (142.5.2).
    public static let exemptJudicialReleaseGrounds: Set<String> = ["34.1(1)", "34.1(2)", "34.1(3)", "34.1(9)", "34.1(10)", "34.1(12)"]

    /// Checks the claim against what 142.5 requires for its ground.
    public func validated() throws(Rejection) -> Exemption {
        guard !evidence.trimmingWhitespace.isEmpty else { throw Rejection.invalid("evidence", "the documents the exemption rests on", article: ground.article) }
        switch ground {
        case .qualificationExam, .judge:
            if ground == .judge, let release = releaseGround, !release.isEmpty {
                let normalised = release.uppercased().filter { !$0.isWhitespace }.replacingPrefix("CONSTLAW")
                guard Self.exemptJudicialReleaseGrounds.contains(normalised) else {
                    throw Rejection(.failedPrecondition, reason: "RELEASE_GROUND_NOT_EXEMPT",
                                    message: "a former judge released on \(release) is not exempt; 142.5.2 names ConstLaw 34.1(1), (2), (3), (9), (10) and (12)",
                                    article: "142.5.2")
                }
            }
        case .prosecutorOrInvestigator, .stateEnforcementService:
            let required = ground == .prosecutorOrInvestigator ? 5 : 2
            for period in service where period.to < period.from { throw Rejection.invalid("service", "a period ends before it starts (\(period.position))") }
            let days = service.reduce(0) { $0 + $1.from.days(until: $1.to) + 1 }
            let tenths = days * 10 / 365
            // The periods must add up to the years of the ground: counted on the calendar from the first day.
            guard let first = service.map(\.from).min(), Self.coversYears(service, required: required, from: first) else {
                throw Rejection(.failedPrecondition, reason: "SERVICE_TOO_SHORT",
                                message: "\(tenths / 10).\(tenths % 10) years of service recorded; \(ground.article) requires at least \(required)",
                                article: ground.article)
            }
        }
        return self
    }

    /// Whether the periods, laid end to end, last at least `required` years (a calendar count,
    /// so 01.02.2016–31.01.2021 is exactly 5 years).
    static func coversYears(_ service: [Service], required: Int, from first: LocalDate) -> Bool {
        let days = service.reduce(0) { $0 + $1.from.days(until: $1.to) + 1 }
        let needed = first.days(until: first.adding(years: required))
        return days >= needed
    }
}

private extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
