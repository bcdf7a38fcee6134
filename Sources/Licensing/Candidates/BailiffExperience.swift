import Enforcement

/// 156.3 «кемінде үш жыл сот орындаушысының жұмыс өтілі» [DOMAIN §9.5-3]: the years a person
/// actually served as a bailiff, state or private: state enforcement service on record
/// (`stateBailiffService` facts) and the days his license was active while he was a member of
/// the Chamber. Suspension, termination and time outside the Chamber are gaps; overlaps count once.
public enum BailiffExperience {
    /// The service completed before `date` (the day itself is not yet served).
    public static func served(by person: Person, licenses: [License], memberships: [Membership], before date: LocalDate) -> ServiceTime {
        let last = date.adding(days: -1)
        var periods: [ServiceTime.Period] = []
        for fact in person.facts(.stateBailiffService) where fact.from <= last {
            periods.append(.init(from: fact.from, through: min(last, fact.to.map { $0.adding(days: -1) } ?? last)))
        }
        let member = memberships.map {
            ServiceTime.Period(from: $0.admittedOn, through: min(last, $0.endedOn.map { $0.adding(days: -1) } ?? last))
        }
        for license in licenses {
            for active in activePeriods(of: license, through: last) {
                for period in member {
                    let from = max(active.from, period.from)
                    let through = min(active.through, period.through)
                    if from <= through { periods.append(.init(from: from, through: through)) }
                }
            }
        }
        return ServiceTime(periods)
    }

    /// The days the license was active, from each entry that made it active to the day before
    /// the next entry took effect.
    static func activePeriods(of license: License, through last: LocalDate) -> [ServiceTime.Period] {
        var periods: [ServiceTime.Period] = []
        let entries = license.history.sorted { $0.effectiveAt < $1.effectiveAt }
        for (index, entry) in entries.enumerated() where entry.status == .active && entry.effectiveDate <= last {
            let next = index + 1 < entries.count ? entries[index + 1].effectiveDate.adding(days: -1) : last
            periods.append(.init(from: entry.effectiveDate, through: min(next, last)))
        }
        return periods
    }
}
