import Foundation

/// Notes that a call's outcome has been written to the audit log. A unit of work audits
/// its own outcome in its transaction; the edge audits every other refusal, and reads
/// this to do it exactly once.
public final class AuditTrail: @unchecked Sendable {
    // Guarded by `lock`: the note is set by the call's task and read by the edge after it.
    private let lock = NSLock()
    private var recorded = false

    public init() {}

    public var isRecorded: Bool { lock.withLock { recorded } }

    func markRecorded() { lock.withLock { recorded = true } }
}
