import Enforcement
import Foundation
import RegistryStore

/// What the edge knows about one call, handed to every use case.
public struct RequestContext: Sendable {
    public let principal: Principal
    /// The method called, as the audit log and the idempotency store name it: "Licensing/IssueLicense".
    public let method: String
    public let requestID: String
    /// The serialized request, kept to digest it only when it is audited.
    public let payload: Data
    public let idempotencyKey: String?
    /// Whether the caller still waits for the outcome (a mutation commits only if so), and
    /// whether the outcome is in the audit log already (so the edge records a refusal once).
    public let gate: CallGate

    public init(
        principal: Principal, method: String, requestID: String, payload: Data, idempotencyKey: String?,
        gate: CallGate = CallGate()
    ) {
        self.principal = principal
        self.method = method
        self.requestID = requestID
        self.payload = payload
        self.idempotencyKey = idempotencyKey
        self.gate = gate
    }

    /// Lower-case hex SHA-256 of the serialized request, for the audit log and idempotency.
    /// Computed on demand: reads that are not audited never pay for it.
    public var requestDigest: String { sha256Hex(payload) }
}
