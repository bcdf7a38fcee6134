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

    /// The positions 142.5.3 and 142.5.4 name, and nothing else counts [DOMAIN §9.5-9]:
    /// «прокурор немесе тергеуші лауазымында» (142.5.3); work «атқарушылық құжаттардың
    /// орындалуын қамтамасыз ету саласындағы мемлекеттік органдарда» (142.5.4).
    public enum Position: String, Hashable, Sendable, Codable, CaseIterable {
        case prosecutor, investigator
        /// A state bailiff or another officer of a state body enforcing enforcement documents.
        case stateBailiff, stateEnforcementBody

        public var counts: ExemptionGround {
            switch self {
            case .prosecutor, .investigator: return .prosecutorOrInvestigator
            case .stateBailiff, .stateEnforcementBody: return .stateEnforcementService
            }
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
        guard !evidence.trimmingWhitespace.isEmpty else {
            throw Rejection.invalid("evidence", "the documents the exemption rests on", article: ground.article)
        }
        switch ground {
        case .qualificationExam, .judge:
            if ground == .judge, let release = releaseGround, !release.isEmpty {
                let normalised = release.uppercased().filter { !$0.isWhitespace }.replacingPrefix("CONSTLAW")
                guard Self.exemptJudicialReleaseGrounds.contains(normalised) else {
                    throw Rejection(
                        .failedPrecondition, reason: "RELEASE_GROUND_NOT_EXEMPT",
                        message:
                            "a former judge released on \(release) is not exempt; 142.5.2 names ConstLaw 34.1(1), (2), (3), (9), (10) and (12)",
                        article: "142.5.2")
                }
            }
        case .prosecutorOrInvestigator, .stateEnforcementService:
            let required = ground == .prosecutorOrInvestigator ? 5 : 2
            for period in service {
                if period.to < period.from { throw Rejection.invalid("service", "a period ends before it starts (\(period.position))") }
                guard let position = Position(rawValue: period.position), position.counts == ground else {
                    let named = Position.allCases.filter { $0.counts == ground }.map(\.rawValue).joined(separator: ", ")
                    throw Rejection(
                        .invalidArgument, reason: "POSITION_NOT_NAMED",
                        message: "service as '\(period.position)' does not count for \(ground.article); it names \(named)",
                        article: ground.article, fieldViolations: [.init(field: "service.position", description: "one of \(named)")])
                }
            }
            // Calendar time served: overlapping periods count once [DOMAIN §9.5-9].
            let served = ServiceTime(service.map { ServiceTime.Period(from: $0.from, through: $0.to) })
            guard served.amounts(toYears: required) else {
                throw Rejection(
                    .failedPrecondition, reason: "SERVICE_TOO_SHORT",
                    message:
                        "\(served.yearsText) years of service recorded, overlaps counted once; \(ground.article) requires at least \(required)",
                    article: ground.article)
            }
        }
        return self
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
