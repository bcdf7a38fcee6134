import Enforcement

/// One reason a person cannot be a private bailiff at a given date, with the
/// article and, when the bar runs out on a known date, that date.
public struct Disqualification: Hashable, Sendable, Codable {
    public let article: Article
    public let reason: String
    public let message: String
    /// First date on which this bar no longer applies, when the Law fixes one.
    public let endsOn: LocalDate?

    public init(article: Article, reason: String, message: String, endsOn: LocalDate? = nil) {
        self.article = article
        self.reason = reason
        self.message = message
        self.endsOn = endsOn
    }
}
