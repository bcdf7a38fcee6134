import Foundation

/// The wall clock of the machine.
public struct SystemClock: RegistryClock {
    public init() {}

    public func now() -> Instant {
        Instant(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

/// A clock that always answers the same instant, for tests and replays.
public struct FixedClock: RegistryClock {
    public let instant: Instant

    public init(_ instant: Instant) { self.instant = instant }

    public func now() -> Instant { instant }
}
