import Enforcement
import Foundation
import Licensing
import RegistryStore

extension RegistryCore {
    /// The Ministry replaces years of the working calendar (a new year's transfer order,
    /// a correction). Validated whole; the calendar in force changes only if all is well.
    public func importWorkingCalendar(_ document: Data, context: RequestContext) async throws -> WorkingCalendar {
        try await mutate(context: context, subject: { (summary: CalendarSummary) in "calendar:\(summary.first)-\(summary.last)" }) {
            tx, now in
            do {
                let imported = try WorkingCalendarFile.decode(document)
                let merged = try tx.workingCalendarFile().replacingYears(with: imported)
                try tx.importWorkingCalendar(merged, by: context.principal.uri, at: now)
                let calendar = try merged.calendar()
                return CalendarSummary(calendar)
            } catch let invalid as WorkingCalendarFile.Invalid {
                throw Rejection(
                    .invalidArgument, reason: "INVALID_CALENDAR", message: invalid.description,
                    fieldViolations: invalid.problems.map { .init(field: "document", description: $0) })
            }
        }.calendar
    }
}

/// What an import reports back, small enough to keep as its idempotent result.
struct CalendarSummary: Codable, Sendable {
    var first: Int
    var last: Int
    var nonWorking: [String]
    var working: [String]

    init(_ calendar: WorkingCalendar) {
        first = calendar.years.lowerBound
        last = calendar.years.upperBound
        nonWorking = calendar.nonWorkingWeekdays.map(\.description).sorted()
        working = calendar.workingWeekendDays.map(\.description).sorted()
    }

    var calendar: WorkingCalendar {
        WorkingCalendar(
            nonWorkingWeekdays: Set(nonWorking.compactMap { LocalDate($0) }),
            workingWeekendDays: Set(working.compactMap { LocalDate($0) }), years: first...last)
    }
}
