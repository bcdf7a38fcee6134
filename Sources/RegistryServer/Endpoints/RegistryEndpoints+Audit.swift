import Enforcement
import RegistryPKI
import RegistryStore
import RegistryWire

extension RegistryEndpoints {
    public func getAuditCheckpoint(_ request: WireGetAuditCheckpointRequest, context: CallContext) async throws
        -> WireAuditCheckpointResponse
    {
        guard let checkpoints else {
            throw RPCError(code: .failedPrecondition, message: "this server signs no audit checkpoints", reason: "NO_AUDIT_CHECKPOINTS")
        }
        guard let latest = checkpoints.latest else {
            throw RPCError(
                code: .unavailable, message: "no audit checkpoint has been signed yet; retry shortly", reason: "NO_AUDIT_CHECKPOINTS")
        }
        var response = WireAuditCheckpointResponse()
        response.checkpoint = latest.text
        response.publicKeyPem = AuditSigningKey.publicKeyPEM(checkpoints.publicKey)
        response.size = latest.size
        response.head = latest.head
        response.atMs = latest.at.millisecondsSinceEpoch
        response.kind = latest.kind.rawValue
        return response
    }
}
