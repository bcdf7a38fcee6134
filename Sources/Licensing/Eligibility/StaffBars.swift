import Enforcement

/// 156.1-1: who may be neither an assistant nor an intern of a private bailiff, read literally and
/// without time limits [§9.1-17]: declared incapable or of limited capacity (while in force), a
/// corruption crime, a dismissal on negative grounds, a criminal record not expunged or removed.
public enum StaffBars {
    public static func disqualifications(of person: Person, on date: LocalDate) -> [Disqualification] {
        var found: [Disqualification] = []
        if person.facts(.incapacity).contains(where: { $0.covers(date) }) {
            found.append(
                .init(article: "156.1-1", reason: "DECLARED_INCAPABLE", message: "declared legally incapable or of limited capacity"))
        }
        if person.facts(.conviction).contains(where: { ($0.ground ?? "").lowercased().contains("corrupt") && $0.from <= date }) {
            found.append(.init(article: "156.1-1", reason: "CORRUPTION_CRIME", message: "committed a corruption crime"))
        }
        if person.facts(.negativeDismissal).contains(where: { $0.from <= date }) {
            found.append(.init(article: "156.1-1", reason: "NEGATIVE_DISMISSAL", message: "was dismissed on negative grounds"))
        }
        if person.facts(.conviction).contains(where: { $0.covers(date) }) {
            found.append(
                .init(article: "156.1-1", reason: "UNEXPUNGED_CONVICTION", message: "has a criminal record not expunged or removed"))
        }
        return found
    }
}
