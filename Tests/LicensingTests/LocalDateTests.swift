import Enforcement
import Testing

@Suite("Local dates and instants")
struct LocalDateTests {
    @Test func parsesAndPrintsOnlyCanonicalDates() {
        #expect(LocalDate("2026-03-03")?.description == "2026-03-03")
        #expect(LocalDate("2026-3-3") == nil)
        #expect(LocalDate("2026-02-29") == nil)
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("２０２６-01-01") == nil)
    }

    @Test func monthArithmeticClampsToTheLastDay() {
        #expect(LocalDate("2026-01-31")!.adding(months: 1) == LocalDate("2026-02-28"))
        #expect(LocalDate("2024-02-29")!.adding(years: 1) == LocalDate("2025-02-28"))
        #expect(LocalDate("2026-12-15")!.adding(months: 2) == LocalDate("2027-02-15"))
    }

    @Test func dayNumbersRoundTripAndWeekdaysAreISO() {
        for text in ["1970-01-01", "1899-12-31", "2000-02-29", "2026-11-25"] {
            let d = LocalDate(text)!
            #expect(LocalDate(dayNumber: d.dayNumber) == d)
        }
        #expect(LocalDate("2026-11-25")!.isoWeekday == 3)  // Wednesday
        #expect(LocalDate("2026-03-22")!.isoWeekday == 7)  // Sunday
    }

    @Test func kazakhstanDateUsesUTCPlusFive() {
        // 2026-03-02 19:00 UTC is 2026-03-03 00:00 in Kazakhstan.
        let start = Instant(startOf: LocalDate("2026-03-03")!)
        #expect(start.kazakhstanDate == LocalDate("2026-03-03"))
        #expect(Instant(millisecondsSinceEpoch: start.millisecondsSinceEpoch - 1).kazakhstanDate == LocalDate("2026-03-02"))
    }
}
