import Enforcement

/// What the edge knows about one call, handed to every use case.
public struct RequestContext: Sendable {
    public let principal: Principal
    public let requestID: String
    /// Lower-case hex SHA-256 of the serialized request, for the audit log and idempotency.
    public let requestDigest: String
    public let idempotencyKey: String?

    public init(principal: Principal, requestID: String, requestDigest: String, idempotencyKey: String?) {
        self.principal = principal
        self.requestID = requestID
        self.requestDigest = requestDigest
        self.idempotencyKey = idempotencyKey
    }
}
