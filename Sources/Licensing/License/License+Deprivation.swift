import Enforcement

/// L6 of DOMAIN.md §4.1.2: deprivation by a court on the Ministry's claim, in two
/// steps. The license keeps its state while the claim is pending (a flag, not a
/// state); it becomes `deprived` only from the court decision's entry into force.
extension License {
    /// L6, first step: the Ministry files a claim (144.2, 167(9)), on its own initiative or on a
    /// representation (144.3 lists who may propose but, unlike 143.1, makes none a condition: §9.5-1).
    public func withDeprivationClaimFiled(
        ground: LicenseGround, reasons: String, proposal: ProposalReference?, claim: String, context: DecisionContext
    ) throws(Rejection) -> License {
        try requireNotFinal()
        guard ground.measure == .deprivation else {
            throw Rejection(
                .invalidArgument, reason: "NOT_A_DEPRIVATION_GROUND",
                message: "\(ground.rawValue) is not a deprivation ground (144.2.1–144.2.7, dGeneral)", article: "144.2")
        }
        guard !deprivationClaimPending else {
            throw Rejection(
                .alreadyExists, reason: "CLAIM_ALREADY_PENDING",
                message: "a deprivation claim on license \(number) is already before the court", article: "144.2")
        }
        // Art. 144.3: a representation, when there is one, comes from a prosecutor, a chamber or a territorial body.
        if let proposal {
            try proposal.author.checkMayPropose(.deprivation)
            _ = try Self.requireDocument(proposal.reference, field: "proposal.reference", "the proposal", article: "144.3")
        }
        let claim = try Self.requireDocument(claim, field: "claim", "the claim (court and case number)", article: "144.2")
        let reasons = try Self.requireReasons(reasons, article: ground.article)
        var next = appending(
            .deprivationClaimFiled, status: status, ground: ground, article: ground.article, context: context,
            reasons: reasons, proposal: proposal, document: claim)
        next.deprivationClaimPending = true
        return next
    }

    /// The entry of the claim before the court, if one is pending.
    public var pendingDeprivationClaim: StatusChange? {
        deprivationClaimPending ? history.last(where: { $0.kind == .deprivationClaimFiled }) : nil
    }

    /// L6, second step: the court's decision on the claim, from the date it entered into force.
    /// Granted: deprived, final, and the 3-year bar of 140.2.8 runs from `inForceOn`.
    /// Dismissed: the license keeps its state and the flag is cleared.
    public func withCourtDecision(granted: Bool, courtAct: String, inForceOn: LocalDate, reasons: String, context: DecisionContext)
        throws(Rejection) -> License
    {
        try requireNotFinal()
        guard let claim = pendingDeprivationClaim else {
            throw Rejection(
                .failedPrecondition, reason: "NO_CLAIM_PENDING", message: "no deprivation claim on license \(number) is pending",
                article: "144.2")
        }
        let courtAct = try Self.requireDocument(courtAct, field: "court_act", "the court decision", article: "144.2")
        guard inForceOn <= context.now.kazakhstanDate else {
            throw Rejection.invalid(
                "in_force_on", "a court decision cannot have entered into force after today (\(context.now.kazakhstanDate))",
                article: "144.2")
        }
        guard inForceOn >= claim.effectiveDate else {
            throw Rejection.invalid(
                "in_force_on", "the decision cannot have entered into force before the claim was filed on \(claim.effectiveDate)",
                article: "144.2")
        }
        let reasons = reasons.trimmingWhitespace.isEmpty ? nil : reasons.trimmingWhitespace
        var next =
            granted
            ? appending(
                .deprived, status: .deprived, article: claim.legalBasis, context: context, effective: inForceOn,
                reasons: reasons, proposal: claim.proposal, document: courtAct, groundCode: claim.groundCode)
            : appending(
                .deprivationClaimDismissed, status: status, article: "144.2", context: context, effective: inForceOn,
                reasons: reasons, document: courtAct, groundCode: claim.groundCode)
        next.deprivationClaimPending = false
        return next
    }

    /// The end of the 3-year bar of 140.2.8 when this license was deprived, counted
    /// from the court decision's entry into force; nil if it was not (or the deprivation was annulled).
    public var deprivationBarEnd: LocalDate? {
        guard status == .deprived, let deprived = history.last(where: { $0.kind == .deprived }) else { return nil }
        return deprived.effectiveDate.adding(years: 3)
    }
}
