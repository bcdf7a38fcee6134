import RegistryService
import RegistryWire

/// Every refused call leaves an audit entry: denied, undecodable, malformed, or refused by
/// its use case. A mutation audits its own outcome inside its transaction; this records the
/// rest, once. Outermost, so that it sees the refusals of the interceptors inside it.
struct AuditInterceptor: CallInterceptor {
    let core: RegistryCore

    func intercept(_ call: CallContext, next: @Sendable (CallContext) async throws -> [UInt8]) async throws -> [UInt8] {
        do {
            return try await next(call)
        } catch {
            if !call.auditTrail.isRecorded {
                let status = RPCError(mapping: error)
                await core.auditRefusal(code: status.code.name, reason: status.reason,
                                        article: status.legalBasis.isEmpty ? nil : status.legalBasis, context: call.request)
            }
            throw error
        }
    }
}
