/// Notes that a call's outcome has been written to the audit log. A unit of work audits
/// its own outcome in its transaction; the edge audits every other refusal, and reads
/// this to do it exactly once.
public final class AuditTrail: @unchecked Sendable {
    // Unlocked on purpose: it is set and read only by the call's own task, one step after
    // the other (the unit of work, then the interceptor that awaited it), never at once.
    private var recorded = false

    public init() {}

    public var isRecorded: Bool { recorded }

    func markRecorded() { recorded = true }
}
