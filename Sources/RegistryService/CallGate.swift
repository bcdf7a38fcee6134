import Foundation

/// Decides, once, whether a call's effect is stored or the call is abandoned. The
/// connection abandons a call when its deadline passes or the client cancels it; a
/// mutation enters its commit at the very end of its transaction. Whichever comes first
/// wins, so a call answered DEADLINE_EXCEEDED or CANCELLED never had its effect stored,
/// and a call that has started to commit is answered with its real outcome (PROTOCOL.md §4).
public final class CallGate: @unchecked Sendable {
    public enum Abandonment: Sendable { case deadline, cancelled }

    private enum State {
        case pending, committing
        case abandoned(Abandonment)
    }

    // Guarded by `lock`: the connection's event loop and the database writer race here.
    private let lock = NSLock()
    private var state = State.pending

    public init() {}

    /// The connection gives up on the call. False when the call is already committing:
    /// it must then wait for the call's own answer.
    public func abandon(_ why: Abandonment) -> Bool {
        lock.withLock {
            switch state {
            case .pending:
                state = .abandoned(why)
                return true
            case .abandoned: return true
            case .committing: return false
            }
        }
    }

    /// Why the connection gave up on the call, if it did.
    public var abandonment: Abandonment? {
        lock.withLock {
            if case .abandoned(let why) = state { return why }
            return nil
        }
    }

    /// The unit of work is about to commit; throws (and so rolls back) if the call was abandoned.
    func enterCommit() throws {
        try lock.withLock {
            switch state {
            case .pending, .committing: state = .committing
            case .abandoned(let why): throw Abandoned(reason: why)
            }
        }
    }

    /// A mutation rolled back because its caller was already told it failed.
    public struct Abandoned: Error, CustomStringConvertible {
        public let reason: Abandonment
        public var description: String { reason == .deadline ? "the deadline passed before the commit" : "cancelled before the commit" }
    }
}
