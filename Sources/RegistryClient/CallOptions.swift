/// Per-call options.
public struct CallOptions: Sendable {
    /// How long the caller waits; sent to the server as the call's deadline.
    public var timeoutMilliseconds: UInt32
    /// For mutations: a retry with the same key returns the first result.
    public var idempotencyKey: String?
    /// Correlation id for logs and the audit log; the server makes one when nil.
    public var requestID: String?

    public init(timeoutMilliseconds: UInt32 = 30_000, idempotencyKey: String? = nil, requestID: String? = nil) {
        self.timeoutMilliseconds = timeoutMilliseconds
        self.idempotencyKey = idempotencyKey
        self.requestID = requestID
    }
}
