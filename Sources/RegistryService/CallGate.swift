import Foundation

/// What is settled about one call while it runs: whether its effect is stored or it is
/// abandoned, and whether its outcome is in the audit log yet (so the edge audits a refusal
/// exactly once: a unit of work audits its own outcome in its transaction).
///
/// The first is decided once: the connection abandons a call when its deadline passes or
/// the client cancels it; a mutation enters its commit at the very end of its transaction.
/// Whichever comes first wins, so a call answered DEADLINE_EXCEEDED or CANCELLED never had
/// its effect stored, and a call that has started to commit is answered with its real
/// outcome (PROTOCOL.md §4).
public final class CallGate: @unchecked Sendable {
    public enum Abandonment: Sendable { case deadline, cancelled }

    private enum State {
        case pending, committing
        case abandoned(Abandonment)
    }

    // Guarded by `lock`: the connection's event loop and the database writer race here.
    private let lock = NSLock()
    private var state = State.pending
    private var auditRecorded = false

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

    public var isAuditRecorded: Bool { lock.withLock { auditRecorded } }

    func markAuditRecorded() { lock.withLock { auditRecorded = true } }

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
