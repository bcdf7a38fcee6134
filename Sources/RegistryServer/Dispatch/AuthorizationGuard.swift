import RegistryService
import RegistryWire

/// Deny by default (DOMAIN.md §2.13), decided from the caller's role and the method's
/// policy alone, before anything of the payload is read: a caller without the right is
/// told PERMISSION_DENIED whatever it sent.
struct AuthorizationGuard: CallGuard {
    func admit(_ call: CallContext) throws {
        let policy = call.method.policy
        guard policy.allows(WireCallerRole(call.principal.role)) else {
            throw RPCError(
                code: .permissionDenied, message: "role \(call.principal.role.rawValue) may not call \(call.method.shortName)",
                legalBasis: policy.article ?? "", reason: "ROLE_NOT_ALLOWED"
            )
        }
    }
}
