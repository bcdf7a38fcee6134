import RegistryWire

/// Only mutations take an idempotency key (PROTOCOL.md §4): on a read it would promise a
/// replay that never happens, so it is refused rather than ignored. The replay itself is
/// decided inside the mutation's transaction, with its effect.
struct IdempotencyGuard: CallGuard {
    func admit(_ call: CallContext) throws {
        if call.idempotencyKey != nil, !call.method.policy.isMutation {
            let problem = "\(call.method.shortName) does not change the register and takes no idempotency key"
            throw RPCError(
                code: .invalidArgument, message: problem, reason: "IDEMPOTENCY_KEY_NOT_ACCEPTED",
                fieldViolations: [.init(field: "idempotency_key", description: problem)])
        }
    }
}
