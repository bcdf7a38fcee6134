/// A call that ended with a non-OK status: what the server said, including the
/// legal basis of a refusal. Thrown by the client, built by the server.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: StatusCode
    public let message: String
    public let legalBasis: String
    public let reason: String
    public let fieldViolations: [FieldViolation]
    public let retryOn: String

    public struct FieldViolation: Hashable, Sendable {
        public let field: String
        public let description: String

        public init(field: String, description: String) {
            self.field = field
            self.description = description
        }
    }

    public init(
        code: StatusCode, message: String, legalBasis: String = "", reason: String = "", fieldViolations: [FieldViolation] = [],
        retryOn: String = ""
    ) {
        self.code = code
        self.message = message
        self.legalBasis = legalBasis
        self.reason = reason
        self.fieldViolations = fieldViolations
        self.retryOn = retryOn
    }

    public init(status: WireStatus) {
        self.init(
            code: StatusCode(rawValue: status.code), message: status.message,
            legalBasis: status.detail.legalBasis, reason: status.detail.reason,
            fieldViolations: status.detail.fieldViolations.map { FieldViolation(field: $0.field, description: $0.description_p) },
            retryOn: status.detail.retryOn
        )
    }

    public var status: WireStatus {
        var s = WireStatus()
        s.code = code.rawValue
        s.message = message
        if !legalBasis.isEmpty || !reason.isEmpty || !fieldViolations.isEmpty || !retryOn.isEmpty {
            s.detail.legalBasis = legalBasis
            s.detail.reason = reason
            s.detail.retryOn = retryOn
            s.detail.fieldViolations = fieldViolations.map { v in
                var f = WireFieldViolation()
                f.field = v.field
                f.description_p = v.description
                return f
            }
        }
        return s
    }

    /// One line for people: "FAILED_PRECONDITION: … (Art. 140.2.2)".
    public var description: String {
        var text = "\(code): \(message)"
        if !legalBasis.isEmpty { text += " (Art. \(legalBasis))" }
        if !retryOn.isEmpty { text += " [may retry on \(retryOn)]" }
        return text
    }
}
