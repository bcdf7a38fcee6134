import Enforcement

/// The license state machine of DOMAIN.md §4.1.2 (L1–L6): each transition is a
/// pure function from the current license to the next one, appending exactly one
/// history entry, or a refusal naming its article. Nothing here stores, notifies
/// or moves cases; the service does that with the result.
extension License {
    /// Longest term of a suspension on a 143.2 ground.
    public static let maximumSuspensionMonths = 6

    /// L1: suspension on a proposal, ground 143.2.1–143.2.6 or a general ground.
    /// Effective from the decision moment (143.4); a term is mandatory and at most 6 months (143.2, 143.3).
    public func suspended(ground: LicenseGround, until termEnd: LocalDate, reasons: String, proposal: ProposalReference, context: DecisionContext) throws(Rejection) -> License {
        try requireNotFinal()
        // Art. 143.1: on a representation of a territorial body or a chamber.
        try proposal.author.checkMayPropose(.suspension)
        guard !proposal.reference.trimmingWhitespace.isEmpty else {
            throw Rejection.invalid("proposal.reference", "a suspension is decided on a proposal; give its reference", article: "143.1")
        }
        guard ground.measure == .suspension, ground != .sDeputy143_5 else {
            throw Rejection(.invalidArgument, reason: "NOT_A_PROPOSAL_SUSPENSION_GROUND",
                            message: "\(ground.rawValue) is not a ground for suspension on a proposal (143.2.1–143.2.6, sGeneral)", article: "143.2")
        }
        guard status == .active else {
            throw Rejection(.failedPrecondition, reason: "NOT_ACTIVE", message: "license \(number) is \(status.rawValue); only an active license can be suspended", article: "143.1")
        }
        let reasons = try Self.requireReasons(reasons, article: "143.3")
        let today = context.now.kazakhstanDate
        guard termEnd > today else {
            throw Rejection.invalid("term_end", "the suspension's term must end after the decision date \(today)", article: "143.3")
        }
        let latest = today.adding(months: Self.maximumSuspensionMonths)
        guard termEnd <= latest else {
            throw Rejection(.invalidArgument, reason: "TERM_OVER_SIX_MONTHS",
                            message: "a suspension on \(ground.rawValue) lasts at most 6 months: the term may end on \(latest) at the latest, not \(termEnd)",
                            article: "143.2", fieldViolations: [.init(field: "term_end", description: "later than \(latest)")])
        }
        return appending(.suspended, ground: ground, article: ground.article, on: today, context: context, termEnd: termEnd, reasons: reasons, proposal: proposal)
    }

    /// L2: suspension on the bailiff's own application after election as a deputy (143.5);
    /// it lasts until the mandate ends, without the 6-month cap.
    public func suspendedOnOwnApplication(reasons: String, context: DecisionContext) throws(Rejection) -> License {
        try requireNotFinal()
        guard status == .active else {
            throw Rejection(.failedPrecondition, reason: "NOT_ACTIVE", message: "license \(number) is \(status.rawValue); only an active license can be suspended", article: "143.5")
        }
        let reasons = try Self.requireReasons(reasons, article: "143.5")
        return appending(.suspended, ground: .sDeputy143_5, article: "143.5", on: context.now.kazakhstanDate, context: context, termEnd: nil, reasons: reasons)
    }

    /// L3: reinstatement once the circumstances that caused the suspension have ceased (143.3),
    /// or the deputy mandate has ended (143.5).
    public func reinstated(reasons: String, context: DecisionContext) throws(Rejection) -> License {
        try requireNotFinal()
        guard status == .suspended else {
            throw Rejection(.failedPrecondition, reason: "NOT_SUSPENDED", message: "license \(number) is \(status.rawValue); only a suspended license can be reinstated", article: "143.3")
        }
        let reasons = try Self.requireReasons(reasons, article: "143.3")
        let basis: Article = currentSuspension?.groundCode == LicenseGround.sDeputy143_5.rawValue ? "143.5" : "143.3"
        return appending(.active, ground: nil, article: basis, on: context.now.kazakhstanDate, context: context, termEnd: nil, reasons: reasons)
    }

    /// L5: termination on a ground of 144.1, a general ground, or the bailiff's own
    /// application, which is refused while a disciplinary proceeding against him is open (144.5).
    public func terminated(ground: LicenseGround, reasons: String, disciplinaryProceedingOpen: Bool, context: DecisionContext) throws(Rejection) -> License {
        try requireNotFinal()
        guard ground.measure == .termination else {
            throw Rejection(.invalidArgument, reason: "NOT_A_TERMINATION_GROUND", message: "\(ground.rawValue) is not a termination ground", article: "144.1")
        }
        if ground == .tOwnApplication && disciplinaryProceedingOpen {
            throw Rejection(.failedPrecondition, reason: "DISCIPLINARY_PROCEEDING_OPEN",
                            message: "termination on the bailiff's own application is refused while a disciplinary proceeding against him is open; it is possible once the proceeding is closed",
                            article: "144.5")
        }
        let reasons = try Self.requireReasons(reasons, article: ground.article)
        return appending(.terminated, ground: ground, article: ground.article, on: context.now.kazakhstanDate, context: context, termEnd: nil, reasons: reasons)
    }

    /// L6, first step: the Ministry files a deprivation claim; the license keeps its state (144.2).
    public func withDeprivationClaimFiled(ground: LicenseGround, context: DecisionContext) throws(Rejection) -> License {
        try requireNotFinal()
        guard ground.measure == .deprivation else {
            throw Rejection(.invalidArgument, reason: "NOT_A_DEPRIVATION_GROUND", message: "\(ground.rawValue) is not a deprivation ground", article: "144.2")
        }
        guard !deprivationClaimPending else {
            throw Rejection(.alreadyExists, reason: "CLAIM_ALREADY_PENDING", message: "a deprivation claim on license \(number) is already before the court", article: "144.2")
        }
        var next = self
        next.deprivationClaimPending = true
        return next
    }

    /// L6, second step: the court's decision on the claim, from the date it entered into force.
    /// Granted: deprived, final, and the 3-year bar of 140.2.8 runs from `inForceOn`.
    public func withCourtDecision(granted: Bool, ground: LicenseGround, inForceOn: LocalDate, context: DecisionContext) throws(Rejection) -> License {
        try requireNotFinal()
        guard deprivationClaimPending else {
            throw Rejection(.failedPrecondition, reason: "NO_CLAIM_PENDING", message: "no deprivation claim on license \(number) is pending", article: "144.2")
        }
        guard inForceOn <= context.now.kazakhstanDate else {
            throw Rejection.invalid("in_force_on", "a court decision cannot have entered into force after today")
        }
        var next = self
        next.deprivationClaimPending = false
        guard granted else { return next }
        next.status = .deprived
        next.history.append(StatusChange(
            status: .deprived, decisionDate: inForceOn, decidedAt: context.now, effectiveDate: inForceOn,
            legalBasis: ground.article, groundCode: ground.rawValue, actor: context.actor, requestID: context.requestID
        ))
        return next
    }

    /// L4: the term of the current suspension has run out without a decision. The license
    /// does not lapse back to active by itself (§9.1-3); this raises the Ministry's alert.
    public func suspensionTermElapsed(on date: LocalDate) -> Bool {
        guard status == .suspended, let end = currentSuspension?.termEnd else { return false }
        return date > end
    }

    /// The history entry of the suspension in force, if suspended.
    public var currentSuspension: StatusChange? {
        status == .suspended ? history.last(where: { $0.status == .suspended }) : nil
    }

    private func requireNotFinal() throws(Rejection) {
        guard !status.isFinal else {
            throw Rejection(.failedPrecondition, reason: "LICENSE_FINAL",
                            message: "license \(number) is \(status.rawValue), a final state; only a court can annul that",
                            article: status == .terminated ? "144.1" : "144.2")
        }
    }

    private static func requireReasons(_ reasons: String, article: Article) throws(Rejection) -> String {
        let trimmed = reasons.trimmingWhitespace
        guard !trimmed.isEmpty else { throw Rejection.invalid("reasons", "a decision states its reasons", article: article) }
        return trimmed
    }

    private func appending(_ status: LicenseStatus, ground: LicenseGround?, article: Article, on date: LocalDate, context: DecisionContext, termEnd: LocalDate?, reasons: String, proposal: ProposalReference? = nil) -> License {
        var next = self
        next.status = status
        next.history.append(StatusChange(
            status: status, decisionDate: date, decidedAt: context.now, effectiveDate: date, legalBasis: article,
            groundCode: ground?.rawValue, actor: context.actor, requestID: context.requestID, termEnd: termEnd, reasons: reasons,
            proposal: proposal
        ))
        return next
    }
}
