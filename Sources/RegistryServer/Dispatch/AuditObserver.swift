import RegistryService
import RegistryWire

/// Every refused call leaves an audit entry: denied, undecodable, malformed, or refused by
/// its use case. A mutation audits its own outcome inside its transaction; this records the
/// rest, once, including the refusals of the guards.
struct AuditObserver: CallObserver {
    let core: RegistryCore

    func refused(_ call: CallContext, error: any Error) async {
        guard !call.gate.isAuditRecorded else { return }
        // What the caller was told: an abandoned call ends in whatever its cancelled task threw.
        let status =
            switch call.gate.abandonment {
            case .deadline: RPCError(code: .deadlineExceeded, message: "deadline passed")
            case .cancelled: RPCError(code: .cancelled, message: "cancelled")
            case nil: RPCError(mapping: error)
            }
        await core.auditRefusal(
            code: status.code.name, reason: status.reason,
            article: status.legalBasis.isEmpty ? nil : status.legalBasis, context: call.request)
    }
}
