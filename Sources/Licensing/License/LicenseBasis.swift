/// What a license was issued on (142.1, 142.5): a passed attestation after an
/// internship, or an exemption from both.
public enum LicenseBasis: Hashable, Sendable, Codable {
    /// Reference of the commission's "passed" decision (141-1.9) and the internship completion evidence.
    case attestation(reference: String, internshipEvidence: String)
    case exemption(ExemptionGround, evidence: String)

    /// The article the basis rests on.
    public var article: Article {
        switch self {
        case .attestation: return "142.1"
        case .exemption(let ground, _): return ground.article
        }
    }
}

/// Exemption from internship and attestation, 142.5.1–142.5.4 (DOMAIN.md §5.2).
public enum ExemptionGround: String, Hashable, Sendable, Codable, CaseIterable {
    /// 142.5.1: qualification exam at the Supreme Judicial Council, court internship, positive opinion.
    case qualificationExam
    /// 142.5.2: a judge, or a former judge released on ConstLaw 34.1(1),(2),(3),(9),(10),(12).
    case judge
    /// 142.5.3: at least 5 years as a prosecutor or investigator.
    case prosecutorOrInvestigator
    /// 142.5.4: at least 2 years in state bodies enforcing enforcement documents.
    case stateEnforcementService

    public var article: Article {
        switch self {
        case .qualificationExam: return "142.5.1"
        case .judge: return "142.5.2"
        case .prosecutorOrInvestigator: return "142.5.3"
        case .stateEnforcementService: return "142.5.4"
        }
    }
}
