import Enforcement

/// Calendar time served over periods that may overlap [DOMAIN §9.5-9]: the days of their union,
/// each counted once. Periods are inclusive of both ends.
public struct ServiceTime: Hashable, Sendable {
    public struct Period: Hashable, Sendable {
        public let from: LocalDate
        public let through: LocalDate

        public init(from: LocalDate, through: LocalDate) {
            self.from = from
            self.through = through
        }
    }

    /// Disjoint, sorted, adjacent periods merged.
    public let periods: [Period]

    public init(_ periods: [Period]) {
        var merged: [Period] = []
        for period in periods.filter({ $0.from <= $0.through }).sorted(by: { $0.from < $1.from }) {
            if let last = merged.last, period.from <= last.through.adding(days: 1) {
                merged[merged.count - 1] = Period(from: last.from, through: max(last.through, period.through))
            } else {
                merged.append(period)
            }
        }
        self.periods = merged
    }

    public var days: Int { periods.reduce(0) { $0 + $1.from.days(until: $1.through) + 1 } }

    /// Whether the time served amounts to `years` calendar years: at least as many days as the
    /// `years` that follow the first day served (so 01.02.2016–31.01.2021 is exactly 5 years).
    public func amounts(toYears years: Int) -> Bool {
        guard let first = periods.first?.from else { return years <= 0 }
        return days >= first.days(until: first.adding(years: years))
    }

    /// "4.9" years, for messages.
    public var yearsText: String {
        let tenths = days * 10 / 365
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The day on which the time amounts to `years`, if service continues without a break from
    /// `date` on; nil when it already does.
    public func reachesYears(_ years: Int, continuingFrom date: LocalDate) -> LocalDate? {
        guard !amounts(toYears: years) else { return nil }
        let first = periods.first?.from ?? date
        let missing = first.days(until: first.adding(years: years)) - days
        return date.adding(days: missing)
    }
}
