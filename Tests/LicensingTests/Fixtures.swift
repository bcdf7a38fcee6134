import Enforcement
import Licensing

/// Builders for people and dates at fixed points, so every rule test reads like the rule.
enum Fixture {
    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func iin(_ first11: String = "90010130001") -> IIN {
        try! IIN(IINTests.make(first11))
    }

    /// A citizen since birth with higher legal education and nothing against him.
    static func person(facts extra: [PersonFact] = [], education: Education = .higherLegal) -> Person {
        Person(
            iin: iin(), name: PersonName(surname: "Ахметов", givenName: "Ержан", patronymic: nil),
            residenceDistrict: "almaty-city", education: education,
            facts: [PersonFact(kind: .citizenship, from: date("1990-01-01"))] + extra,
            registeredAt: Instant(startOf: date("2026-01-10"))
        )
    }

    static func articles(_ person: Person, on text: String) -> [String] {
        Eligibility.disqualifications(of: person, on: date(text)).map(\.article.reference)
    }

    static let prosecutorProposal = ProposalReference(author: .prosecutor, reference: "PR-ALA-2026-11")

    /// The refusal `body` throws, or nil when it succeeds.
    static func refusal<T>(_ body: () throws -> T) -> Rejection? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? Rejection
        }
    }
}
