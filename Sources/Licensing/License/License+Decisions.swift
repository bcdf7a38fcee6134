import Enforcement

/// What every decision of the license state machine (DOMAIN.md §4.1.2) shares:
/// final states stay final, reasons are stated, and exactly one history entry is
/// appended per decision. The transitions themselves are in License+Suspension,
/// License+Termination, License+Deprivation and License+Annulment; each is a pure
/// function from the current license to the next, or a refusal naming its article.
/// Nothing here stores, notifies or moves cases; the service does that with the result.
extension License {
    /// The history entry of the suspension in force, if suspended.
    public var currentSuspension: StatusChange? {
        guard status == .suspended else { return nil }
        return history.last(where: { $0.kind == .suspended || $0.kind == .suspendedOnApplication })
    }

    /// Terminated and deprived are final (INV-11); only a court annuls them (L7).
    func requireNotFinal() throws(Rejection) {
        guard !status.isFinal else {
            throw Rejection(
                .failedPrecondition, reason: "LICENSE_FINAL",
                message: "license \(number) is \(status.rawValue), a final state; only a court can annul that",
                article: status == .terminated ? "144.1" : "144.2")
        }
    }

    static func requireReasons(_ reasons: String, article: Article) throws(Rejection) -> String {
        let trimmed = reasons.trimmingWhitespace
        guard !trimmed.isEmpty else { throw Rejection.invalid("reasons", "a decision states its reasons", article: article) }
        return trimmed
    }

    static func requireDocument(_ text: String, field: String, _ what: String, article: Article) throws(Rejection) -> String {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw Rejection.invalid(field, "give the reference of \(what)", article: article) }
        return trimmed
    }

    /// The next license: `status` after the decision and its history entry, dated
    /// `effective` (the decision's own date unless a court act says otherwise).
    func appending(
        _ kind: StatusChange.Kind, status: LicenseStatus, ground: LicenseGround? = nil, article: Article, context: DecisionContext,
        effective: LocalDate? = nil, termEnd: LocalDate? = nil, reasons: String?, proposal: ProposalReference? = nil,
        document: String? = nil, annulsEntry: Int? = nil, groundCode: String? = nil
    ) -> License {
        var next = self
        next.status = status
        let today = context.now.kazakhstanDate
        next.history.append(
            StatusChange(
                kind: kind, status: status, decisionDate: today, decidedAt: context.now, effectiveDate: effective ?? today,
                legalBasis: article, groundCode: ground?.rawValue ?? groundCode, actor: context.actor, requestID: context.requestID,
                termEnd: termEnd, reasons: reasons, proposal: proposal, document: document, annulsEntry: annulsEntry
            ))
        return next
    }
}
