import Enforcement

/// Why the registry refuses a command: a code the edge maps to a status, a
/// message for people, the article the refusal rests on, and, when the Law sets
/// one, the date from which the person may try again.
///
/// Messages never contain an IIN or other personal data (STYLE.md, privacy by default).
public struct Rejection: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Extensible like swift-service-lifecycle's error codes.
    public struct Code: Hashable, Sendable, Codable, CustomStringConvertible {
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The input is malformed regardless of the registry's state.
        public static let invalidArgument = Code("invalidArgument")
        /// The input is well-formed but the Law or the registry's state forbids the act now.
        public static let failedPrecondition = Code("failedPrecondition")
        public static let notFound = Code("notFound")
        public static let alreadyExists = Code("alreadyExists")
        public static let permissionDenied = Code("permissionDenied")

        public var description: String { name }
    }

    public struct FieldViolation: Hashable, Sendable, Codable {
        public let field: String
        public let description: String

        public init(field: String, description: String) {
            self.field = field
            self.description = description
        }
    }

    public let code: Code
    public let message: String
    public let article: Article?
    /// Stable machine-readable reason, e.g. "DISQUALIFIED_UNEXPUNGED_CONVICTION".
    public let reason: String
    public let fieldViolations: [FieldViolation]
    public let retryOn: LocalDate?

    public init(
        _ code: Code,
        reason: String,
        message: String,
        article: Article? = nil,
        fieldViolations: [FieldViolation] = [],
        retryOn: LocalDate? = nil
    ) {
        self.code = code
        self.reason = reason
        self.message = message
        self.article = article
        self.fieldViolations = fieldViolations
        self.retryOn = retryOn
    }

    /// A malformed field.
    public static func invalid(_ field: String, _ description: String, article: Article? = nil) -> Rejection {
        Rejection(
            .invalidArgument, reason: "INVALID_FIELD", message: "\(field): \(description)",
            article: article, fieldViolations: [FieldViolation(field: field, description: description)]
        )
    }

    public var description: String {
        var text = "\(code): \(message)"
        if let article { text += " (Art. \(article))" }
        return text
    }
}
