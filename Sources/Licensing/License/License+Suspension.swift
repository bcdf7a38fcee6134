import Enforcement

/// L1–L4 of DOMAIN.md §4.1.2: suspension, reinstatement and its refusal.
extension License {
    /// Longest term of a suspension on a 143.2 ground.
    public static let maximumSuspensionMonths = 6

    /// L1: suspension on a proposal, ground 143.2.1–143.2.6 or a general ground.
    /// Effective from the decision moment (143.4); a term is mandatory (143.3). The 6-month cap
    /// belongs to the cases 143.2 enumerates; a suspension on the general grounds of the Law on
    /// Permits follows that law's terms, which the decision's reasons cite [DOMAIN §9.5-2].
    public func suspended(
        ground: LicenseGround, until termEnd: LocalDate, reasons: String, proposal: ProposalReference, context: DecisionContext
    ) throws(Rejection) -> License {
        try requireNotFinal()
        // Art. 143.1: on a representation of a territorial body or a chamber.
        try proposal.author.checkMayPropose(.suspension)
        guard !proposal.reference.trimmingWhitespace.isEmpty else {
            throw Rejection.invalid("proposal.reference", "a suspension is decided on a proposal; give its reference", article: "143.1")
        }
        guard ground.measure == .suspension, ground != .sDeputy143_5 else {
            throw Rejection(
                .invalidArgument, reason: "NOT_A_PROPOSAL_SUSPENSION_GROUND",
                message: "\(ground.rawValue) is not a ground for suspension on a proposal (143.2.1–143.2.6, sGeneral)", article: "143.2")
        }
        try requireActive(toBe: "suspended", article: "143.1")
        let reasons = try Self.requireReasons(reasons, article: "143.3")
        let today = context.now.kazakhstanDate
        guard termEnd > today else {
            throw Rejection.invalid("term_end", "the suspension's term must end after the decision date \(today)", article: "143.3")
        }
        let latest = today.adding(months: Self.maximumSuspensionMonths)
        // Art. 143.2: «…жалпы негіздерден басқа … мынадай жағдайда … алты айға дейінгі мерзімге».
        guard termEnd <= latest || ground == .sGeneral else {
            throw Rejection(
                .invalidArgument, reason: "TERM_OVER_SIX_MONTHS",
                message:
                    "a suspension on \(ground.rawValue) lasts at most 6 months: the term may end on \(latest) at the latest, not \(termEnd)",
                article: "143.2", fieldViolations: [.init(field: "term_end", description: "later than \(latest)")])
        }
        return appending(
            .suspended, status: .suspended, ground: ground, article: ground.article, context: context,
            termEnd: termEnd, reasons: reasons, proposal: proposal)
    }

    /// L2: suspension on the bailiff's own application after election as a deputy (143.5);
    /// it lasts until the mandate ends, without the 6-month cap.
    public func suspendedOnOwnApplication(application: String, reasons: String, context: DecisionContext) throws(Rejection) -> License {
        try requireNotFinal()
        try requireActive(toBe: "suspended", article: "143.5")
        let application = try Self.requireDocument(application, field: "application", "the bailiff's application", article: "143.5")
        let reasons = try Self.requireReasons(reasons, article: "143.5")
        return appending(
            .suspendedOnApplication, status: .suspended, ground: .sDeputy143_5, article: "143.5", context: context,
            reasons: reasons, document: application)
    }

    /// L3: reinstatement once the circumstances that caused the suspension have ceased (143.3).
    /// A deputy's suspension ends with the mandate instead (`resumedAfterMandate`).
    public func reinstated(reasons: String, context: DecisionContext) throws(Rejection) -> License {
        let suspension = try requireSuspended(toBe: "reinstated", article: "143.3")
        guard suspension.kind == .suspended else {
            throw Rejection(
                .failedPrecondition, reason: "DEPUTY_SUSPENSION",
                message: "license \(number) is suspended for a deputy's mandate; it resumes when the mandate ends (ResumeAfterMandate)",
                article: "143.5")
        }
        let reasons = try Self.requireReasons(reasons, article: "143.3")
        return appending(.reinstated, status: .active, article: "143.3", context: context, reasons: reasons)
    }

    /// L3 for a deputy: the mandate has ended and he may resume (143.5).
    public func resumedAfterMandate(reasons: String, context: DecisionContext) throws(Rejection) -> License {
        let suspension = try requireSuspended(toBe: "resumed", article: "143.5")
        guard suspension.kind == .suspendedOnApplication else {
            throw Rejection(
                .failedPrecondition, reason: "NOT_A_DEPUTY_SUSPENSION",
                message:
                    "license \(number) is suspended on \(suspension.groundCode ?? "a proposal"), not for a deputy's mandate; it is reinstated under 143.3",
                article: "143.5")
        }
        let reasons = try Self.requireReasons(reasons, article: "143.5")
        return appending(.resumedAfterMandate, status: .active, article: "143.5", context: context, reasons: reasons)
    }

    /// L3 refused: the circumstances have not ceased. The license stays suspended;
    /// the refusal is appealable in court (143.8) and is recorded so it can be annulled.
    public func reinstatementRefused(reasons: String, context: DecisionContext) throws(Rejection) -> License {
        try requireSuspended(toBe: "refused reinstatement", article: "143.3")
        let reasons = try Self.requireReasons(reasons, article: "143.3")
        return appending(.reinstatementRefused, status: .suspended, article: "143.3", context: context, reasons: reasons)
    }

    /// L4: the term of the current suspension has run out without a decision. The license
    /// does not lapse back to active by itself (§9.1-3); this raises the Ministry's alert.
    public func suspensionTermElapsed(on date: LocalDate) -> Bool {
        guard let end = currentSuspension?.termEnd else { return false }
        return date > end
    }

    private func requireActive(toBe verb: String, article: Article) throws(Rejection) {
        guard status == .active else {
            throw Rejection(
                .failedPrecondition, reason: "NOT_ACTIVE",
                message: "license \(number) is \(status.rawValue); only an active license can be \(verb)", article: article)
        }
    }

    @discardableResult
    private func requireSuspended(toBe verb: String, article: Article) throws(Rejection) -> StatusChange {
        try requireNotFinal()
        guard let suspension = currentSuspension else {
            throw Rejection(
                .failedPrecondition, reason: "NOT_SUSPENDED",
                message: "license \(number) is \(status.rawValue); only a suspended license can be \(verb)", article: article)
        }
        return suspension
    }
}
