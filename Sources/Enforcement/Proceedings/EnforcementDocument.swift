/// What the enforcement document orders, as far as private-bailiff competence
/// (Art. 138.1) depends on it.
public struct EnforcementDocument: Hashable, Sendable, Codable {
    /// Who the debtor is, for the exclusions of 138.1(1)–(3).
    public enum DebtorKind: String, Hashable, Sendable, Codable, CaseIterable {
        case individual
        case legalEntity
        /// The State itself (138.1(1)).
        case state
        /// A legal entity 50 % or more of whose voting shares belong to the State and its affiliates (138.1(2)).
        case stateOwnedEntity
        /// A natural-monopoly entity (138.1(3)).
        case naturalMonopoly
    }

    /// What is to be done, for the exclusions of 138.1(5)–(6).
    public enum Subject: String, Hashable, Sendable, Codable, CaseIterable {
        /// Collection of money or property: the ordinary case.
        case collection
        /// Other non-property acts (e.g. securing a claim).
        case other
        /// Confiscation, or transfer of property to the State (138.1(5)).
        case confiscation
        /// Eviction, moving in, demolition, seizure of land and other cases in the State's interest (138.1(6)).
        case stateInterestAction
    }

    public let kind: DocumentKind
    /// Number and issuer, as written on the document.
    public let reference: String
    public let debtorKind: DebtorKind
    public let subject: Subject
    /// Collection in favour of the State (138.1(4) when above 1,000 MCI).
    public let inFavourOfState: Bool

    public init(kind: DocumentKind, reference: String, debtorKind: DebtorKind, subject: Subject, inFavourOfState: Bool) {
        self.kind = kind
        self.reference = reference
        self.debtorKind = debtorKind
        self.subject = subject
        self.inFavourOfState = inFavourOfState
    }
}
