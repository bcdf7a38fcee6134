import Enforcement

/// A representation to the Ministry on a license measure (DOMAIN.md §3.10):
/// submitted by a body entitled to it (143.1, 144.3), then accepted by the
/// decision that answers it or declined with reasons.
public struct Proposal: Hashable, Sendable, Codable {
    public enum State: String, Hashable, Sendable, Codable {
        /// Prepared by a monitor from recorded facts; the body named as author decides whether to submit it.
        case draft
        case pending, accepted, declined
        /// A draft its body chose not to submit.
        case withdrawn
    }

    public var id: Int64
    public let licenseNumber: LicenseNumber
    public let author: ProposalAuthor
    /// Identity URI of the submitting body.
    public var authorIdentity: String
    public let ground: LicenseGround
    public let facts: String
    public var submittedAt: Instant
    public var state: State
    public var decisionReasons: String?
    public var decidedAt: Instant?

    public init(
        id: Int64, licenseNumber: LicenseNumber, author: ProposalAuthor, authorIdentity: String, ground: LicenseGround,
        facts: String, submittedAt: Instant, state: State, decisionReasons: String?, decidedAt: Instant?
    ) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.author = author
        self.authorIdentity = authorIdentity
        self.ground = ground
        self.facts = facts
        self.submittedAt = submittedAt
        self.state = state
        self.decisionReasons = decisionReasons
        self.decidedAt = decidedAt
    }

    /// Submits a proposal on `license`: the author must be entitled to propose the
    /// ground's measure (143.1, 144.3), the facts stated, the license not final.
    public static func submit(
        on license: License, ground code: String, facts: String, author: ProposalAuthor,
        authorIdentity: String, at now: Instant
    ) throws(Rejection) -> Proposal {
        guard let ground = LicenseGround(rawValue: code) else {
            throw Rejection(
                .invalidArgument, reason: "UNKNOWN_GROUND", message: "'\(code)' is not a ground of the catalogue (DOMAIN §4.1.1)",
                article: "143.2", fieldViolations: [.init(field: "ground", description: "unknown ground code")])
        }
        guard ground != .sDeputy143_5, ground != .tOwnApplication else {
            throw Rejection(
                .invalidArgument, reason: "APPLICATION_GROUND",
                message: "\(code) rests on the bailiff's own application, not on a proposal",
                article: ground.article)
        }
        try author.checkMayPropose(ground.measure)
        let facts = facts.trimmingWhitespace
        guard !facts.isEmpty else {
            throw Rejection.invalid(
                "facts", "a proposal states the facts it rests on", article: ground.measure == .suspension ? "143.1" : "144.3")
        }
        guard !license.status.isFinal else {
            throw Rejection(
                .failedPrecondition, reason: "LICENSE_FINAL",
                message: "license \(license.number) is \(license.status.rawValue); nothing is left to propose",
                article: license.status == .terminated ? "144.1" : "144.2")
        }
        return Proposal(
            id: 0, licenseNumber: license.number, author: author, authorIdentity: authorIdentity, ground: ground,
            facts: facts, submittedAt: now, state: .pending, decisionReasons: nil, decidedAt: nil)
    }

    /// A draft prepared by a monitor from the facts on record (issue: monitors turn facts into
    /// proposals, never into decisions). `monitor` names the check, e.g. "monitor:training".
    public static func draft(
        on license: License, ground: LicenseGround, facts: String, author: ProposalAuthor, monitor: String, at now: Instant
    ) -> Proposal {
        Proposal(
            id: 0, licenseNumber: license.number, author: author, authorIdentity: monitor, ground: ground, facts: facts,
            submittedAt: now, state: .draft, decisionReasons: nil, decidedAt: nil)
    }

    /// The body named as author submits a draft to the Ministry; it becomes its own proposal.
    public func submittedDraft(by author: ProposalAuthor, identity: String, at now: Instant) throws(Rejection) -> Proposal {
        guard state == .draft else {
            throw Rejection(.failedPrecondition, reason: "NOT_A_DRAFT", message: "proposal \(id) is \(state.rawValue), not a draft")
        }
        guard author == self.author else {
            throw Rejection(
                .permissionDenied, reason: "NOT_THE_AUTHOR", message: "draft \(id) is for a \(self.author.rawValue) to submit",
                article: ground.measure == .suspension ? "143.1" : "144.3")
        }
        try author.checkMayPropose(ground.measure)
        var next = self
        next.state = .pending
        next.submittedAt = now
        next.authorIdentity = identity
        return next
    }

    /// The body named as author decides not to submit a draft, with reasons.
    public func withdrawnDraft(by author: ProposalAuthor, reasons: String, at now: Instant) throws(Rejection) -> Proposal {
        guard state == .draft else {
            throw Rejection(.failedPrecondition, reason: "NOT_A_DRAFT", message: "proposal \(id) is \(state.rawValue), not a draft")
        }
        guard author == self.author else {
            throw Rejection(.permissionDenied, reason: "NOT_THE_AUTHOR", message: "draft \(id) is for a \(self.author.rawValue)")
        }
        let reasons = reasons.trimmingWhitespace
        guard !reasons.isEmpty else { throw Rejection.invalid("reasons", "say why the draft is not submitted") }
        var next = self
        next.state = .withdrawn
        next.decisionReasons = reasons
        next.decidedAt = now
        return next
    }

    /// The Ministry declines the proposal, with reasons.
    public func declined(reasons: String, at now: Instant) throws(Rejection) -> Proposal {
        try requirePending()
        let reasons = reasons.trimmingWhitespace
        guard !reasons.isEmpty else { throw Rejection.invalid("reasons", "a declined proposal states why") }
        var next = self
        next.state = .declined
        next.decisionReasons = reasons
        next.decidedAt = now
        return next
    }

    /// A decision answers the proposal: it must be pending, on that license, for that measure.
    public func accepted(by license: License, measure: LicenseGround.Measure, at now: Instant) throws(Rejection) -> Proposal {
        try requirePending()
        guard licenseNumber == license.number else {
            throw Rejection.invalid("proposal_id", "proposal \(id) concerns license \(licenseNumber), not \(license.number)")
        }
        guard ground.measure == measure else {
            throw Rejection.invalid("proposal_id", "proposal \(id) proposes a \(ground.measure.rawValue), not a \(measure.rawValue)")
        }
        var next = self
        next.state = .accepted
        next.decidedAt = now
        return next
    }

    /// The reference kept in the decision's history.
    public var reference: ProposalReference { ProposalReference(author: author, reference: "proposal-\(id)") }

    private func requirePending() throws(Rejection) {
        guard state == .pending else {
            throw Rejection(.failedPrecondition, reason: "PROPOSAL_NOT_PENDING", message: "proposal \(id) is already \(state.rawValue)")
        }
    }
}
