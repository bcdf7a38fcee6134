import Enforcement
import Foundation
import Licensing
import Testing

@Suite("Working calendar (DOMAIN.md §0.2)")
struct WorkingCalendarTests {
    /// The file registryd ships and seeds from.
    static let shipped: WorkingCalendar = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/RegistryStore/Resources/kazakhstan-working-calendar.json")
        return try! WorkingCalendarFile.parse(try! Data(contentsOf: url))
    }()

    func d(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test func theShippedCalendarCovers2024To2027() throws {
        #expect(Self.shipped.years == 2024...2027)
        #expect(Self.shipped.nonWorkingWeekdays.count == 14 + 16 + 14 + 14)
        #expect(Self.shipped.workingWeekendDays == [d("2024-05-04"), d("2025-01-05")])
    }

    @Test func fiveWorkingDaysRunAcrossNauryz() throws {
        // Received Friday 20 March 2026; 23–25 March are Nauryz days off.
        #expect(try Self.shipped.adding(workingDays: 5, to: d("2026-03-20")) == d("2026-04-01"))
    }

    @Test func fifteenWorkingDaysRunAcrossTheMayHolidaysAndKurbanAit() throws {
        // 1, 7, 11 and 27 May 2026 are off.
        #expect(try Self.shipped.adding(workingDays: 15, to: d("2026-04-28")) == d("2026-05-22"))
    }

    @Test func aTransferredWorkingSaturdayCountsAndItsDayOffDoesNot() throws {
        #expect(try Self.shipped.isWorkingDay(d("2024-05-04")))
        #expect(try !Self.shipped.isWorkingDay(d("2024-05-08")))
        #expect(try Self.shipped.adding(workingDays: 1, to: d("2024-05-03")) == d("2024-05-04"))
    }

    @Test func orthodoxChristmasIsOffEvenThoughItIsNotAHoliday() throws {
        #expect(try !Self.shipped.isWorkingDay(d("2026-01-07")))
        #expect(try Self.shipped.isWorkingDay(d("2026-01-08")))
    }

    @Test func theDayOfTheEventIsNotCounted() throws {
        #expect(try Self.shipped.adding(workingDays: 1, to: d("2026-11-24")) == d("2026-11-25"))
        #expect(try Self.shipped.workingDays(after: d("2026-03-20"), through: d("2026-04-01")) == 5)
    }

    @Test func aYearWithoutDataIsRefusedNotGuessed() {
        #expect(throws: WorkingCalendar.Gap.self) { try Self.shipped.adding(workingDays: 5, to: d("2027-12-28")) }
    }

    func problems(_ json: String) -> [String] {
        do {
            _ = try WorkingCalendarFile.parse(Data(json.utf8))
            return []
        } catch {
            return error.problems
        }
    }

    @Test func aDateListedTwiceIsRefusedAsOverlapping() {
        let p = problems(
            #"{"years":[2026,2026],"days":[{"date":"2026-01-01","kind":"nonWorking"},{"date":"2026-01-01","kind":"nonWorking"}]}"#)
        #expect(p.count == 1)
        #expect(p.first?.contains("overlaps days[0]") == true)
    }

    @Test func malformedEntriesAreEachNamed() {
        let p = problems(
            #"{"years":[2026,2026],"days":[{"date":"2026-13-01","kind":"nonWorking"},{"date":"2026-03-21","kind":"nonWorking"},{"date":"2026-03-20","kind":"working"},{"date":"2027-01-01","kind":"nonWorking"},{"date":"2026-01-01","kind":"nonWorking"}]}"#
        )
        #expect(p.count == 4)
        #expect(p[0].contains("days[0]") && p[0].contains("not a YYYY-MM-DD"))
        #expect(p[1].contains("days[1]") && p[1].contains("Saturday or Sunday is not worked"))
        #expect(p[2].contains("days[2]") && p[2].contains("must fall on a Saturday or Sunday"))
        #expect(p[3].contains("days[3]") && p[3].contains("outside the years"))
    }

    @Test func notJSONAndBadYearRangesAreRefused() {
        #expect(problems("holidays: none").first?.contains("not a calendar JSON") == true)
        #expect(problems(#"{"years":[2027,2026],"days":[]}"#).first?.contains("first ≤ last") == true)
        #expect(problems(#"{"years":[2026,2026],"days":[]}"#).first?.contains("lists no non-working weekday") == true)
    }
}

@Suite("Replacing years of the working calendar")
struct WorkingCalendarImportTests {
    static let current = WorkingCalendarFile(
        source: "shipped", years: [2024, 2025],
        days: [
            .init(date: "2024-01-01", kind: .nonWorking, note: nil), .init(date: "2025-01-01", kind: .nonWorking, note: nil),
            .init(date: "2025-01-02", kind: .nonWorking, note: nil),
        ])

    @Test func anImportedYearReplacesThatYearAndKeepsTheOthers() throws {
        let imported = WorkingCalendarFile(
            source: "order 2025", years: [2025, 2026],
            days: [
                .init(date: "2025-01-03", kind: .nonWorking, note: "corrected"), .init(date: "2026-01-01", kind: .nonWorking, note: nil),
            ])
        let merged = try Self.current.replacingYears(with: imported).calendar()
        #expect(merged.years == 2024...2026)
        #expect(merged.nonWorkingWeekdays == [LocalDate("2024-01-01")!, LocalDate("2025-01-03")!, LocalDate("2026-01-01")!])
    }

    @Test func anImportLeavingAGapInTheYearsIsRefused() {
        let far = WorkingCalendarFile(source: nil, years: [2027, 2027], days: [.init(date: "2027-01-01", kind: .nonWorking, note: nil)])
        #expect(throws: WorkingCalendarFile.Invalid.self) { try Self.current.replacingYears(with: far) }
    }

    @Test func aMalformedImportIsRefusedWithEveryProblem() {
        let bad = WorkingCalendarFile(
            source: nil, years: [2025, 2025],
            days: [
                .init(date: "2025-01-01", kind: .nonWorking, note: nil), .init(date: "2025-01-01", kind: .nonWorking, note: nil),
                .init(date: "2025-01-04", kind: .nonWorking, note: nil),
            ])
        do {
            _ = try Self.current.replacingYears(with: bad)
            Issue.record("accepted a malformed calendar")
        } catch {
            #expect(error.problems.count == 2)
            #expect(error.problems[0].contains("overlaps days[0]"))
        }
    }
}
