/// What the planner reads of a proceeding: its number (for the tie-break), its category
/// (for the weight) and its district (for the reason when nobody may receive it).
public protocol Reassignable {
    var number: String { get }
    var category: ProceedingCategory { get }
    var district: String { get }
}

extension EnforcementProceeding: Reassignable {}

/// A proceeding as a transfer batch plans it: what the planner and the 138.1 competence
/// check read, without the parties and measures. A batch reads 5,000 of these, and decoding
/// whole records was a third of its time.
public struct ProceedingToPlace: Reassignable, Hashable, Sendable {
    public let number: String
    public let category: ProceedingCategory
    public let district: String
    public let openedOn: LocalDate
    public let document: EnforcementDocument
    public let amount: Tenge

    public init(
        number: String, category: ProceedingCategory, district: String, openedOn: LocalDate, document: EnforcementDocument, amount: Tenge
    ) {
        self.number = number
        self.category = category
        self.district = district
        self.openedOn = openedOn
        self.document = document
        self.amount = amount
    }
}
