import Enforcement
import Foundation
import RegistryStore

/// What the edge knows about one call, handed to every use case.
public struct RequestContext: Sendable {
    public let principal: Principal
    public let requestID: String
    /// The serialized request, kept to digest it only when it is audited.
    public let payload: Data
    public let idempotencyKey: String?

    public init(principal: Principal, requestID: String, payload: Data, idempotencyKey: String?) {
        self.principal = principal
        self.requestID = requestID
        self.payload = payload
        self.idempotencyKey = idempotencyKey
    }

    /// Lower-case hex SHA-256 of the serialized request, for the audit log and idempotency.
    /// Computed on demand: reads that are not audited never pay for it.
    public var requestDigest: String { sha256Hex(payload) }
}
