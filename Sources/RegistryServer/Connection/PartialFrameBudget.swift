import NIOConcurrencyHelpers

/// Bytes of unfinished frames the whole server holds, across connections: without a cap, a
/// few clients that each start a 4 MiB frame and never finish it hold hundreds of MB. A
/// connection whose partial frame would pass the budget is ended with RESOURCE_EXHAUSTED.
public final class PartialFrameBudget: Sendable {
    public let limit: Int
    private let used = NIOLockedValueBox(0)

    public init(limit: Int) {
        self.limit = limit
    }

    public var bytesHeld: Int { used.withLockedValue { $0 } }

    /// Moves a connection's holding from `old` to `new` bytes; false (and nothing held more)
    /// when growing it would pass the limit.
    func update(from old: Int, to new: Int) -> Bool {
        used.withLockedValue { used in
            if new > old, used + (new - old) > limit { return false }
            used += new - old
            return true
        }
    }
}
