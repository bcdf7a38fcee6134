import Enforcement

/// One line of the audit log: who (the principal from the certificate), what
/// (method, request id, a digest of the request), when, and the outcome.
public struct AuditEntry: Hashable, Sendable {
    public let at: Instant
    public let principal: String
    public let method: String
    public let requestID: String
    /// Lower-case hex SHA-256 of the request payload.
    public let requestDigest: String
    /// "OK", or the status and article of a refusal, e.g. "FAILED_PRECONDITION 140.2.2".
    public let outcome: String
    /// What the call was about (license number, IIN digest); never personal data in clear.
    public let subject: String

    public init(at: Instant, principal: String, method: String, requestID: String, requestDigest: String, outcome: String, subject: String)
    {
        self.at = at
        self.principal = principal
        self.method = method
        self.requestID = requestID
        self.requestDigest = requestDigest
        self.outcome = outcome
        self.subject = subject
    }
}

/// A stored entry with its place in the chain.
public struct ChainedAuditEntry: Hashable, Sendable {
    public let seq: Int64
    public let entry: AuditEntry
    public let previousHash: String
    public let hash: String
}
