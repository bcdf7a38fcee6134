import Enforcement

/// The natural person behind a candidate or a bailiff (DOMAIN.md §3.1), with the
/// dated facts the eligibility rules of Art. 140 are evaluated against.
public struct Person: Hashable, Sendable, Codable {
    public var iin: IIN
    public var name: PersonName
    public var residenceDistrict: String
    public var education: Education
    public var facts: [PersonFact]
    public var registeredAt: Instant

    public init(iin: IIN, name: PersonName, residenceDistrict: String, education: Education, facts: [PersonFact], registeredAt: Instant) {
        self.iin = iin
        self.name = name
        self.residenceDistrict = residenceDistrict
        self.education = education
        self.facts = facts
        self.registeredAt = registeredAt
    }

    public func facts(_ kind: PersonFact.Kind) -> [PersonFact] { facts.filter { $0.kind == kind } }

    /// The district he lived in on `date`: the last move on record by then, else the one registered.
    public func residence(on date: LocalDate) -> String {
        facts(.residence).filter { $0.from <= date }.max { $0.from < $1.from }?.value ?? residenceDistrict
    }

    /// His education on `date`: the last level on record by then, else the one registered (140.1).
    public func education(on date: LocalDate) -> Education {
        facts(.education).filter { $0.from <= date }.max { $0.from < $1.from }?.value.flatMap(Education.init(rawValue:)) ?? education
    }

    /// The day he died or was declared dead, if that is on record by `date` (144.1.3, 144.1.4).
    public func death(on date: LocalDate) -> LocalDate? {
        facts(.death).map(\.from).filter { $0 <= date }.min()
    }
}

/// Full name as in the identity document; the patronymic only if it has one (123.6.2, 154).
public struct PersonName: Hashable, Sendable, Codable, CustomStringConvertible {
    public var surname: String
    public var givenName: String
    public var patronymic: String?

    public init(surname: String, givenName: String, patronymic: String?) {
        self.surname = surname
        self.givenName = givenName
        self.patronymic = patronymic
    }

    public var description: String { [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " ") }
}

/// Level of education; only higher legal education qualifies (140.1).
public enum Education: String, Hashable, Sendable, Codable, CaseIterable {
    case higherLegal
    case legalNotHigher
    case other
}
