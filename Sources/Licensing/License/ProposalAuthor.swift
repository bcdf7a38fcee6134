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
            throw Rejection(.permissionDenied, reason: "AUTHOR_MAY_NOT_PROPOSE",
                            message: "a \(rawValue) may not propose a \(measure.rawValue); 143.1 lists territorial bodies and the chambers only",
                            article: "143.1")
        }
    }
}
