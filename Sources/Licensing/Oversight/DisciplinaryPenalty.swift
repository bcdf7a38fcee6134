import Enforcement

/// The disciplinary penalties of 170.1: exactly one per offence (170.3 ¶2).
public enum DisciplinaryPenalty: String, Hashable, Sendable, Codable, CaseIterable {
    case warning
    case reprimand
    case severeReprimand
    /// Expulsion from the Chamber, which the Board carries out (ExpelMember, disciplinaryPenalty)
    /// with a representation to the Ministry to deprive the license (144.2.7).
    case expulsion

    public var article: Article {
        switch self {
        case .warning: return "170.1.1"
        case .reprimand: return "170.1.2"
        case .severeReprimand: return "170.1.3"
        case .expulsion: return "170.1.4"
        }
    }

    /// 170.4: a penalty is spent when 6 months pass from its imposition without a new one; a
    /// new penalty within those 6 months keeps the earlier ones counting until 6 months pass
    /// after the newest. Returns the penalties still counting on `date`.
    public static func inForce(_ imposed: [(on: LocalDate, penalty: DisciplinaryPenalty)], on date: LocalDate) -> [(
        on: LocalDate, penalty: DisciplinaryPenalty
    )] {
        let sorted = imposed.filter { $0.on <= date }.sorted { $0.on < $1.on }
        var chain: [(on: LocalDate, penalty: DisciplinaryPenalty)] = []
        for penalty in sorted {
            if let last = chain.last, penalty.on >= last.on.adding(months: 6) { chain = [] }
            chain.append(penalty)
        }
        guard let last = chain.last, date < last.on.adding(months: 6) else { return [] }
        return chain
    }
}
