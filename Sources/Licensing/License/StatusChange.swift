import Enforcement

/// One entry of a license's append-only status history: the decision, when it
/// was taken (to the moment, 143.4), from when it has effect, and on what basis.
/// Every entry carries the status the license has after it, so the status at any
/// instant is read from history alone (`License.status(at:)`).
public struct StatusChange: Hashable, Sendable, Codable {
    /// What was decided. Some entries leave the status as it was (a refused
    /// reinstatement, a claim filed or dismissed) but are history all the same.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// L0, 142.1.
        case issued
        /// L1, on a proposal (143.1–143.4).
        case suspended
        /// L2, on the bailiff's application as a deputy (143.5).
        case suspendedOnApplication
        /// L3, the circumstances ceased (143.3).
        case reinstated
        /// L3, the deputy mandate ended (143.5).
        case resumedAfterMandate
        /// L3 refused: stays suspended; appealable (143.8).
        case reinstatementRefused
        /// L5 (144.1, 144.5).
        case terminated
        /// L6, first step: the Ministry's claim is before the court (144.2, 167(9)).
        case deprivationClaimFiled
        /// L6: the court deprived the license, from the decision's entry into force (144.2, 140.2.8).
        case deprived
        /// L6: the court dismissed the claim; the license keeps its state.
        case deprivationClaimDismissed
        /// L7: a court annulled an earlier decision (143.8, 144.6).
        case annulled

        /// Decisions a court may annul (143.8: suspension and refusal of reinstatement; 144.6: termination and deprivation).
        public var isAppealable: Bool {
            switch self {
            case .suspended, .suspendedOnApplication, .reinstatementRefused, .terminated, .deprived: return true
            default: return false
            }
        }

        /// Entries about a court claim, which do not decide the license's state by themselves.
        public var isClaimStep: Bool { self == .deprivationClaimFiled || self == .deprivationClaimDismissed }

        /// The license stops being usable from this entry: the case hand-over of 148.1.9-2 and 162.1.2-3 follows.
        public var removesRightToAct: Bool {
            self == .suspended || self == .suspendedOnApplication || self == .terminated || self == .deprived
        }
    }

    public let kind: Kind
    public let status: LicenseStatus
    public let decisionDate: LocalDate
    public let decidedAt: Instant
    public let effectiveDate: LocalDate
    public let legalBasis: Article
    /// Ground code from DOMAIN.md §4.1.1; nil for issuance and reinstatement.
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
    /// The document behind the entry when it is not the Ministry's own decision: the
    /// bailiff's application, the claim's court and case number, the court act.
    public let document: String?
    /// For an annulment: the position (0 = issuance) of the history entry it annuls.
    public let annulsEntry: Int?

    public init(
        kind: Kind, status: LicenseStatus, decisionDate: LocalDate, decidedAt: Instant, effectiveDate: LocalDate, legalBasis: Article,
        groundCode: String?, actor: String, requestID: String, termEnd: LocalDate? = nil, reasons: String? = nil,
        proposal: ProposalReference? = nil, document: String? = nil, annulsEntry: Int? = nil
    ) {
        self.kind = kind
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
        self.document = document
        self.annulsEntry = annulsEntry
    }
}
