import Enforcement

/// L7 of DOMAIN.md §4.1.2: a court act annuls a suspension, a refusal of
/// reinstatement (143.8), a termination or a deprivation (144.6). The state before
/// the annulled decision is restored from the act's date; nothing is erased, the
/// annulment is one more history entry pointing at the one it annuls.
extension License {
    /// Annuls history entry `index` (0 = issuance), which must be the decision in force:
    /// a decision that a later one has already replaced is not restored behind its back.
    public func annulled(entry index: Int, courtAct: String, inForceOn: LocalDate, reasons: String, context: DecisionContext)
        throws(Rejection) -> License
    {
        guard history.indices.contains(index), index > 0 else {
            throw Rejection.invalid("entry", "license \(number) has history entries 1…\(history.count - 1); \(index) is not one of them")
        }
        let target = history[index]
        let article: Article = target.kind == .terminated || target.kind == .deprived ? "144.6" : "143.8"
        guard target.kind.isAppealable else {
            throw Rejection(
                .failedPrecondition, reason: "NOT_APPEALABLE",
                message:
                    "entry \(index) (\(target.kind.rawValue)) is not a decision a court annuls under 143.8 or 144.6: a suspension, a refusal of reinstatement, a termination or a deprivation",
                article: "143.8")
        }
        if let later = history.indices.last(where: { $0 > index && !history[$0].kind.isClaimStep }) {
            throw Rejection(
                .failedPrecondition, reason: "DECISION_SUPERSEDED",
                message:
                    "entry \(index) (\(target.kind.rawValue)) is no longer the decision in force: entry \(later) (\(history[later].kind.rawValue) on \(history[later].effectiveDate)) came after it",
                article: article)
        }
        let courtAct = try Self.requireDocument(courtAct, field: "court_act", "the court act", article: article)
        let today = context.now.kazakhstanDate
        guard inForceOn <= today else {
            throw Rejection.invalid("in_force_on", "a court act cannot have entered into force after today (\(today))", article: article)
        }
        guard inForceOn >= target.effectiveDate else {
            throw Rejection.invalid(
                "in_force_on", "the court act cannot precede the decision it annuls (\(target.effectiveDate))", article: article)
        }
        let reasons = try Self.requireReasons(reasons, article: article)
        // The state before the annulled decision; annulling a refusal of reinstatement
        // means the reinstatement is due, so the license is active again.
        let restored: LicenseStatus = target.kind == .reinstatementRefused ? .active : history[index - 1].status
        return appending(
            .annulled, status: restored, article: article, context: context, effective: inForceOn,
            reasons: reasons, document: courtAct, annulsEntry: index, groundCode: target.groundCode)
    }
}
