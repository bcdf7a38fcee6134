/// A point in time, as milliseconds since the Unix epoch (UTC). The Law's
/// "from the moment of the decision" (143.4) needs instants; everything that
/// counts periods uses `LocalDate`.
public struct Instant: Hashable, Comparable, Sendable, Codable {
    public let millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// Kazakhstan has kept a single zone, UTC+5, since 1 March 2024. Earlier
    /// instants are converted with the same offset: the registry holds no
    /// decisions whose local date would differ by it.
    public static let kazakhstanOffsetSeconds: Int64 = 5 * 3600

    /// The local Kazakhstan date at this instant.
    public var kazakhstanDate: LocalDate {
        let seconds = millisecondsSinceEpoch / 1000 + (millisecondsSinceEpoch % 1000 < 0 ? -1 : 0)
        let local = seconds + Instant.kazakhstanOffsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return LocalDate(dayNumber: Int(days))
    }

    /// Midnight at the start of `date`, Kazakhstan time.
    public init(startOf date: LocalDate) {
        self.millisecondsSinceEpoch = (Int64(date.dayNumber) * 86_400 - Instant.kazakhstanOffsetSeconds) * 1000
    }

    /// The last millisecond of `date`, Kazakhstan time: "as of that day" includes the whole day.
    public init(endOf date: LocalDate) {
        self.millisecondsSinceEpoch = Instant(startOf: date.adding(days: 1)).millisecondsSinceEpoch - 1
    }
}

/// The source of "now" for every rule; tests inject a fixed one.
public protocol RegistryClock: Sendable {
    func now() -> Instant
}
