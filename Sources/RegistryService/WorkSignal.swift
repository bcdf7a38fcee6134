import Synchronization

/// Wakes a background worker when there may be work, so a transfer job starts within
/// milliseconds of the decision that created it instead of at the next tick. Wake-ups
/// coalesce: a worker that is busy runs once more afterwards, not once per notice.
public final class WorkSignal: Sendable {
    private let subscribers = Mutex<[AsyncStream<Void>.Continuation]>([])

    public init() {}

    public func notify() {
        subscribers.withLock { for subscriber in $0 { subscriber.yield() } }
    }

    /// A stream that yields after each `notify` (at most one pending).
    public func wakeups() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        subscribers.withLock { $0.append(continuation) }
        return stream
    }
}
