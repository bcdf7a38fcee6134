import Enforcement

/// L5 of DOMAIN.md §4.1.2: termination by the Ministry, final.
extension License {
    /// L5: termination on a ground of 144.1, a general ground, or the bailiff's own
    /// application, which is refused while a disciplinary proceeding against him is open (144.5).
    /// A representation (144.3) is recorded when there is one; the Law does not make it a
    /// precondition (factual grounds such as death, §9.1-34).
    public func terminated(
        ground: LicenseGround, reasons: String, proposal: ProposalReference? = nil, application: String? = nil,
        disciplinaryProceedingOpen: Bool, context: DecisionContext
    ) throws(Rejection) -> License {
        try requireNotFinal()
        guard ground.measure == .termination else {
            throw Rejection(
                .invalidArgument, reason: "NOT_A_TERMINATION_GROUND", message: "\(ground.rawValue) is not a termination ground",
                article: "144.1")
        }
        var document: String?
        if ground == .tOwnApplication {
            guard proposal == nil else {
                throw Rejection.invalid(
                    "proposal", "termination on the bailiff's own application answers his application, not a proposal", article: "144.5")
            }
            document = try Self.requireDocument(application ?? "", field: "application", "the bailiff's application", article: "144.5")
            // Art. 144.5: not while a disciplinary proceeding against him is open.
            if disciplinaryProceedingOpen {
                throw Rejection(
                    .failedPrecondition, reason: "DISCIPLINARY_PROCEEDING_OPEN",
                    message:
                        "termination on the bailiff's own application is refused while a disciplinary proceeding against him is open; it is possible once the proceeding is closed",
                    article: "144.5")
            }
        }
        if let proposal {
            try proposal.author.checkMayPropose(.termination)
            _ = try Self.requireDocument(proposal.reference, field: "proposal.reference", "the proposal", article: "144.3")
        }
        let reasons = try Self.requireReasons(reasons, article: ground.article)
        return appending(
            .terminated, status: .terminated, ground: ground, article: ground.article, context: context,
            reasons: reasons, proposal: proposal, document: document)
    }
}
