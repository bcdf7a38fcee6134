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

/// The system clock moved to start at `start`: time runs as it does, from another moment.
/// registryd's development mode offers it (`--dev-clock`) so a scripted run, or a test
/// driving the binary, happens on a fixed date instead of today's.
public struct ShiftedClock: RegistryClock {
    let offsetMs: Int64

    public init(startingAt start: Instant, system: SystemClock = SystemClock()) {
        offsetMs = start.millisecondsSinceEpoch - system.now().millisecondsSinceEpoch
    }

    public func now() -> Instant {
        Instant(millisecondsSinceEpoch: SystemClock().now().millisecondsSinceEpoch + offsetMs)
    }
}
