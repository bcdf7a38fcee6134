import Enforcement

extension StatusChange {
    /// When the change took effect. A decision that takes effect on the day it is
    /// recorded does so from its moment (143.4: "from the moment the decision is
    /// adopted"); one dated otherwise (a backdated issue, a court decision recorded
    /// after it entered into force) from the start of its effective date.
    public var effectiveAt: Instant {
        decidedAt.kazakhstanDate == effectiveDate ? decidedAt : Instant(startOf: effectiveDate)
    }
}

extension License {
    /// The status at `instant`, answered from history alone ("was license N in force
    /// at 14:05 on 3 March 2026?"); nil before the license existed.
    public func status(at instant: Instant) -> LicenseStatus? {
        change(at: instant)?.status
    }

    /// The history entry in force at `instant`; nil before the license existed.
    public func change(at instant: Instant) -> StatusChange? {
        history.last(where: { $0.effectiveAt <= instant })
    }

    /// The decision that put the license in its status at `instant` (now, if nil): entries
    /// that leave the status as it was (a refused reinstatement, a claim filed or
    /// dismissed) do not count, so "suspended since" names the suspension itself.
    public func decisiveChange(at instant: Instant? = nil) -> StatusChange? {
        history.last { ($0.effectiveAt <= (instant ?? $0.effectiveAt)) && !$0.kind.isClaimStep && $0.kind != .reinstatementRefused }
    }
}
