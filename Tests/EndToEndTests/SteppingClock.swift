import Enforcement
import Synchronization

/// A clock a test sets and moves forward, to decide at fixed moments and then
/// see what the registry does once days have passed.
final class SteppingClock: RegistryClock, Sendable {
    private let current: Mutex<Instant>

    /// Starts at `hour`:`minute` Kazakhstan time on `date`.
    init(_ date: String, _ hour: Int = 10, _ minute: Int = 0) {
        current = Mutex(Self.moment(date, hour, minute))
    }

    func now() -> Instant { current.withLock { $0 } }

    func set(_ date: String, _ hour: Int = 10, _ minute: Int = 0) {
        current.withLock { $0 = Self.moment(date, hour, minute) }
    }

    static func moment(_ date: String, _ hour: Int, _ minute: Int) -> Instant {
        Instant(millisecondsSinceEpoch: Instant(startOf: LocalDate(date)!).millisecondsSinceEpoch + Int64(hour * 3600 + minute * 60) * 1000)
    }
}
