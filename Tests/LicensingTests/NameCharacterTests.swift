import Enforcement
import Licensing
import Testing

/// A name holds only what shows: two names that read alike are stored alike (issue 12.5).
@Suite("Characters of a person's name")
struct NameCharacterTests {
    static func register(surname: String = "Ахметов", givenName: String = "Ержан", patronymic: String? = nil) throws(Rejection) -> Person {
        try Person.validated(
            iin: Fixture.iin().digits, surname: surname, givenName: givenName, patronymic: patronymic, residenceDistrict: "astana",
            education: .higherLegal, facts: [], registeredAt: Instant(millisecondsSinceEpoch: 0))
    }

    @Test func aNameWithAZeroWidthBidiOrControlCharacterIsRefusedNamingTheField() {
        for (surname, problem) in [
            ("Ахме\u{200B}тов", "contains the invisible character U+200B"),
            ("Ахметов\u{FEFF}", "contains the invisible character U+FEFF"),
            ("\u{202E}вотемхА", "contains the bidirectional control U+202E"),
            ("Ахметов\u{200F}", "contains the bidirectional control U+200F"),
            ("Ахметов\u{0}Иванов", "contains NUL U+0000"),
        ] {
            #expect(throws: Rejection.self) { try Self.register(surname: surname) }
            do {
                _ = try Self.register(surname: surname)
            } catch {
                #expect(error.reason == "INVALID_PERSON")
                #expect(error.fieldViolations.map(\.field) == ["surname"])
                #expect(error.fieldViolations.first?.description == problem)
            }
        }
        #expect(throws: Rejection.self) { try Self.register(patronymic: "Серик\u{2060}ұлы") }
    }

    @Test func kazakhCyrillicAndLatinNamesWithTheirOwnLettersAreKept() throws {
        let person = try Self.register(surname: "Әбілқайыров-Нұрғали", givenName: "Ұлжан", patronymic: "Қанатқызы")
        #expect(person.name.surname == "Әбілқайыров-Нұрғали")
        #expect(try Self.register(surname: "O'Brien", givenName: "Åsa").name.givenName == "Åsa")
    }
}
