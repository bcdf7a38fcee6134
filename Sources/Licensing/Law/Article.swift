/// A reference into Law No. 261-IV, written as in DOMAIN.md §0.1:
/// "143.2.1" is Article 143, paragraph 2, sub-point 1; "141-1.4" is Article 141-1, paragraph 4.
/// Every rule names one; every rejection carries it back to the caller.
public struct Article: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let reference: String

    public init(_ reference: String) { self.reference = reference }
    public init(stringLiteral value: String) { self.reference = value }

    public var description: String { reference }

    public init(from decoder: any Decoder) throws {
        reference = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(reference)
    }
}
