import Enforcement

/// Replacing part of the calendar: the Ministry imports a file for some years
/// (a new year's transfer order, a corrected holiday), and the years it declares
/// replace those of the calendar in force while the other years stay.
extension WorkingCalendarFile {
    /// The calendar in force with `imported`'s years replaced. Both must be valid; the
    /// result must cover one unbroken run of years, or deadlines would fall into a hole.
    public func replacingYears(with imported: WorkingCalendarFile) throws(Invalid) -> WorkingCalendarFile {
        let current = try calendar()
        let incoming = try imported.calendar()
        let first = min(current.years.lowerBound, incoming.years.lowerBound)
        let last = max(current.years.upperBound, incoming.years.upperBound)
        if incoming.years.lowerBound > current.years.upperBound + 1 || incoming.years.upperBound < current.years.lowerBound - 1 {
            throw Invalid(problems: [
                "years \(incoming.years.lowerBound)–\(incoming.years.upperBound) leave a gap next to the calendar in force (\(current.years.lowerBound)–\(current.years.upperBound)); import the years in between too"
            ])
        }
        let kept = days.filter { day in LocalDate(day.date).map { !incoming.years.contains($0.year) } ?? false }
        let merged = WorkingCalendarFile(
            source: imported.source, years: [first, last],
            days: (kept + imported.days).sorted { $0.date < $1.date }
        )
        _ = try merged.calendar()
        return merged
    }
}
