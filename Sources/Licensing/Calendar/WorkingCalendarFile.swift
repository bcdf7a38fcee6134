import Enforcement
import Foundation

/// The data file behind `WorkingCalendar`: JSON the Ministry can replace.
///
/// ```json
/// { "source": "…", "years": [2024, 2027],
///   "days": [ {"date": "2024-05-08", "kind": "nonWorking", "note": "transfer from Sat 04.05"},
///             {"date": "2024-05-04", "kind": "working",    "note": "worked Saturday"} ] }
/// ```
/// `years` is the first and last year covered; `nonWorking` days must be Mon–Fri
/// (weekends are off anyway), `working` days must be Sat/Sun (a transferred
/// working day). Parsing is pure: bytes in, a calendar or every problem out.
public struct WorkingCalendarFile: Codable, Hashable, Sendable {
    public struct Day: Codable, Hashable, Sendable {
        public enum Kind: String, Codable, Hashable, Sendable {
            case nonWorking
            case working
        }

        public var date: String
        public var kind: Kind
        public var note: String?

        public init(date: String, kind: Kind, note: String?) {
            self.date = date
            self.kind = kind
            self.note = note
        }
    }

    public var source: String?
    public var years: [Int]
    public var days: [Day]

    public init(source: String?, years: [Int], days: [Day]) {
        self.source = source
        self.years = years
        self.days = days
    }

    /// Reads the file without validating it (`calendar()` validates).
    public static func decode(_ data: Data) throws(Invalid) -> WorkingCalendarFile {
        do {
            return try JSONDecoder().decode(WorkingCalendarFile.self, from: data)
        } catch {
            throw Invalid(problems: ["not a calendar JSON document (source, years [first, last], days [{date, kind, note}]): \(error)"])
        }
    }

    /// Every problem found, each naming the entry, so a clerk can fix the file in one pass.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        public let problems: [String]
        public var description: String { "invalid working calendar: " + problems.joined(separator: "; ") }
    }

    public static func parse(_ data: Data) throws(Invalid) -> WorkingCalendar {
        try decode(data).calendar()
    }

    public func calendar() throws(Invalid) -> WorkingCalendar {
        var problems: [String] = []
        guard years.count == 2, years[0] <= years[1], years[0] >= 2000, years[1] <= 2100 else {
            throw Invalid(problems: ["years must be [first, last] with first ≤ last, got \(years)"])
        }
        let covered = years[0]...years[1]
        var seen: [LocalDate: Int] = [:]
        var nonWorking: Set<LocalDate> = []
        var working: Set<LocalDate> = []
        for (index, day) in days.enumerated() {
            let label = "days[\(index)] \(day.date)"
            guard let date = LocalDate(day.date) else {
                problems.append("\(label): not a YYYY-MM-DD date")
                continue
            }
            if let first = seen[date] {
                problems.append("\(label): overlaps days[\(first)], the same date listed twice")
                continue
            }
            seen[date] = index
            guard covered.contains(date.year) else {
                problems.append("\(label): outside the years \(covered.lowerBound)–\(covered.upperBound) the file declares")
                continue
            }
            let weekend = date.isoWeekday >= 6
            switch day.kind {
            case .nonWorking:
                if weekend {
                    problems.append("\(label): a Saturday or Sunday is not worked anyway; list the weekday it is carried over to")
                }
                nonWorking.insert(date)
            case .working:
                if !weekend { problems.append("\(label): a working-day transfer must fall on a Saturday or Sunday") }
                working.insert(date)
            }
        }
        for year in covered where !nonWorking.contains(where: { $0.year == year }) {
            problems.append("year \(year) lists no non-working weekday; every year has public holidays")
        }
        guard problems.isEmpty else { throw Invalid(problems: problems) }
        return WorkingCalendar(nonWorkingWeekdays: nonWorking, workingWeekendDays: working, years: covered)
    }
}
