import Enforcement

/// One entry of a license's append-only status history: the decision, when it
/// was taken (to the moment, 143.4), from when it has effect, and on what basis.
public struct StatusChange: Hashable, Sendable, Codable {
    public let status: LicenseStatus
    public let decisionDate: LocalDate
    public let decidedAt: Instant
    public let effectiveDate: LocalDate
    public let legalBasis: Article
    /// Ground code from DOMAIN.md §4.1.1; nil for issuance.
    public let groundCode: String?
    /// The principal that recorded the decision, as its certificate names it.
    public let actor: String
    public let requestID: String
    /// Last day of a suspension's term (143.3); nil when the term is open (deputy, 143.5) or not a suspension.
    public let termEnd: LocalDate?
    /// The decision's reasons (143.3 makes them mandatory for suspensions).
    public let reasons: String?
    /// The representation the decision answers, when it answers one (143.1, 144.3).
    public let proposal: ProposalReference?

    public init(status: LicenseStatus, decisionDate: LocalDate, decidedAt: Instant, effectiveDate: LocalDate, legalBasis: Article, groundCode: String?, actor: String, requestID: String, termEnd: LocalDate? = nil, reasons: String? = nil, proposal: ProposalReference? = nil) {
        self.status = status
        self.decisionDate = decisionDate
        self.decidedAt = decidedAt
        self.effectiveDate = effectiveDate
        self.legalBasis = legalBasis
        self.groundCode = groundCode
        self.actor = actor
        self.requestID = requestID
        self.termEnd = termEnd
        self.reasons = reasons
        self.proposal = proposal
    }
}
