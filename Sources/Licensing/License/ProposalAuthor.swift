/// Bodies that may submit a representation (proposal) on a license measure.
public enum ProposalAuthor: String, Hashable, Sendable, Codable, CaseIterable {
    case territorialBody
    case republicanChamber
    case regionalChamber
    case prosecutor

    /// Who may propose what: suspension by a territorial body or a chamber (143.1:
    /// the prosecutor is not listed); termination and deprivation by any of the four (144.3).
    public func mayPropose(_ measure: LicenseGround.Measure) -> Bool {
        switch measure {
        case .suspension: return self != .prosecutor
        case .termination, .deprivation: return true
        }
    }

    /// Throws the refusal a wrong author gets, with the article that lists the authors.
    public func checkMayPropose(_ measure: LicenseGround.Measure) throws(Rejection) {
        guard mayPropose(measure) else {
            throw Rejection(
                .failedPrecondition, reason: "AUTHOR_MAY_NOT_PROPOSE",
                message: "a \(rawValue) may not propose a \(measure.rawValue); 143.1 lists territorial bodies and the chambers only",
                article: "143.1")
        }
    }
}

/// The representation a decision answers (143.1, 144.3): its author and document reference.
public struct ProposalReference: Hashable, Sendable, Codable, CustomStringConvertible {
    public let author: ProposalAuthor
    public let reference: String

    public init(author: ProposalAuthor, reference: String) {
        self.author = author
        self.reference = reference
    }

    /// "territorialBody:TB-2026-15", as stored in the history.
    public var description: String { "\(author.rawValue):\(reference)" }

    public init?(stored text: String) {
        guard let colon = text.firstIndex(of: ":"), let author = ProposalAuthor(rawValue: String(text[..<colon])) else { return nil }
        self.init(author: author, reference: String(text[text.index(after: colon)...]))
    }
}
