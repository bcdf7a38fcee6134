/// Art. 138.1: the documents a private bailiff may not take. Any assignment,
/// distribution or transfer to a private bailiff passes this check (DOMAIN.md §7.10).
public enum Competence {
    /// Why a document is outside private-bailiff competence.
    public struct Exclusion: Hashable, Sendable, Error, CustomStringConvertible {
        /// "138.1(4)".
        public let article: String
        public let description: String
    }

    /// The exclusion that applies, or nil when a private bailiff may execute the document.
    /// `amount` is compared with 1,000 MCI in force on the day the proceeding opens, which must be known.
    public static func exclusion(of document: EnforcementDocument, amount: Tenge, on date: LocalDate, mci: MCITable) -> Exclusion? {
        // Art. 138.1(1)–(3) bar *collection* from these debtors; another act against them is not barred.
        if document.subject == .collection {
            switch document.debtorKind {
            case .state: return Exclusion(article: "138.1(1)", description: "collection from the State")
            case .stateOwnedEntity:
                return Exclusion(article: "138.1(2)", description: "collection from a legal entity at least half owned by the State")
            case .naturalMonopoly: return Exclusion(article: "138.1(3)", description: "collection from a natural-monopoly entity")
            case .individual, .legalEntity: break
            }
        }
        switch document.subject {
        case .confiscation: return Exclusion(article: "138.1(5)", description: "confiscation or transfer of property to the State")
        case .stateInterestAction:
            return Exclusion(
                article: "138.1(6)", description: "eviction, moving in, demolition, land seizure or another case in the State's interest")
        case .collection, .other: break
        }
        if document.inFavourOfState {
            guard let limit = mci.amount(1_000, on: date) else {
                return Exclusion(
                    article: "138.1(4)",
                    description:
                        "the MCI in force on \(date) is unknown, so the 1,000 MCI limit for collection in favour of the State cannot be checked"
                )
            }
            if amount > limit {
                return Exclusion(
                    article: "138.1(4)",
                    description: "collection in favour of the State of \(amount) tenge, above 1,000 MCI (\(limit) tenge on \(date))")
            }
        }
        return nil
    }
}
