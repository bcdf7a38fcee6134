import Enforcement
import Testing

@Suite("Clocks")
struct ClockTests {
    /// registryd --dev-clock: the registry's time starts at the given moment, not today.
    @Test func aShiftedClockStartsAtItsMomentAndRunsOn() {
        let start = Instant(startOf: LocalDate("2026-12-02")!)
        let clock = ShiftedClock(startingAt: start)
        let first = clock.now()
        let second = clock.now()
        #expect(first >= start)
        #expect(first.kazakhstanDate == LocalDate("2026-12-02"))
        #expect(second >= first)
    }
}
