import Enforcement

/// The Kazakhstan working-day calendar every legal deadline is computed with:
/// a five-day week (Saturday and Sunday off), minus the public holidays and
/// Labour Code days off that fall on weekdays, adjusted by the yearly transfers
/// of days off (LC 85.3). Built from data (`WorkingCalendarFile`) because the
/// transfers are decided year by year; it knows which years it covers and
/// refuses to answer outside them rather than guess.
///
/// Boundary convention (DOMAIN.md §0.2, stated once here): "within N working days
/// of E" ends on the N-th working day after E; the day of E itself is not counted.
/// "Within N calendar days" and months use `LocalDate` arithmetic the same way.
public struct WorkingCalendar: Hashable, Sendable {
    /// Weekdays that are not worked (holidays, LC 84.5 days off, carried-over and transferred days off).
    public let nonWorkingWeekdays: Set<LocalDate>
    /// Saturdays and Sundays made working days by a transfer.
    public let workingWeekendDays: Set<LocalDate>
    /// Years the data covers completely.
    public let years: ClosedRange<Int>

    public init(nonWorkingWeekdays: Set<LocalDate>, workingWeekendDays: Set<LocalDate>, years: ClosedRange<Int>) {
        self.nonWorkingWeekdays = nonWorkingWeekdays
        self.workingWeekendDays = workingWeekendDays
        self.years = years
    }

    /// Asked about a year the calendar has no data for.
    public struct Gap: Error, Hashable, Sendable, CustomStringConvertible {
        public let year: Int
        public let covered: ClosedRange<Int>
        public var description: String {
            "the working calendar has no data for \(year) (it covers \(covered.lowerBound)–\(covered.upperBound)); import the year's calendar first"
        }
    }

    public func isWorkingDay(_ date: LocalDate) throws(Gap) -> Bool {
        guard years.contains(date.year) else { throw Gap(year: date.year, covered: years) }
        if date.isoWeekday >= 6 { return workingWeekendDays.contains(date) }
        return !nonWorkingWeekdays.contains(date)
    }

    /// The `count`-th working day after `date` (count ≥ 1); `date` itself is not counted.
    public func adding(workingDays count: Int, to date: LocalDate) throws(Gap) -> LocalDate {
        precondition(count >= 0, "count working days forwards")
        var day = date
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: 1)
            if try isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Working days in the half-open interval (from, to]: how many of a deadline's
    /// working days have run by `to`.
    public func workingDays(after from: LocalDate, through to: LocalDate) throws(Gap) -> Int {
        var count = 0
        var day = from
        while day < to {
            day = day.adding(days: 1)
            if try isWorkingDay(day) { count += 1 }
        }
        return count
    }
}
