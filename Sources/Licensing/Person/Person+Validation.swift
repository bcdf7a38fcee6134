import Enforcement

extension Person {
    /// Checks what a registration must get right before anything is stored:
    /// a known district, a name, facts whose dates and grounds make sense.
    public static func validated(
        iin: String, surname: String, givenName: String, patronymic: String?,
        residenceDistrict: String, education: Education?, facts: [PersonFact], registeredAt: Instant
    ) throws(Rejection) -> Person {
        let iin = try IIN(iin)
        var violations: [Rejection.FieldViolation] = []
        func check(_ ok: Bool, _ field: String, _ text: String) {
            if !ok { violations.append(.init(field: field, description: text)) }
        }
        let surname = surname.trimmingWhitespace
        let givenName = givenName.trimmingWhitespace
        // Counted in Unicode scalars: in characters, a letter with a thousand combining marks is one.
        check(!surname.isEmpty && surname.unicodeScalars.count <= 100, "surname", "required, at most 100 characters")
        check(!givenName.isEmpty && givenName.unicodeScalars.count <= 100, "given_name", "required, at most 100 characters")
        check((patronymic ?? "").unicodeScalars.count <= 100, "patronymic", "at most 100 characters")
        for (field, name) in [("surname", surname), ("given_name", givenName), ("patronymic", patronymic ?? "")] {
            if let problem = NameCharacters.problem(in: name) { check(false, field, problem) }
        }
        check(EnforcementDistrict.named(residenceDistrict) != nil, "residence_district", "unknown district code '\(residenceDistrict)'")
        check(education != nil, "education", "required")
        for (index, fact) in facts.enumerated() {
            for problem in fact.problems() { check(false, "facts[\(index)]", problem) }
        }
        guard violations.isEmpty else {
            throw Rejection(
                .invalidArgument, reason: "INVALID_PERSON",
                message: violations.map { "\($0.field): \($0.description)" }.joined(separator: "; "),
                fieldViolations: violations
            )
        }
        let trimmedPatronymic = patronymic?.trimmingWhitespace
        return Person(
            iin: iin,
            name: PersonName(
                surname: surname, givenName: givenName, patronymic: trimmedPatronymic?.isEmpty == false ? trimmedPatronymic : nil),
            residenceDistrict: EnforcementDistrict.named(residenceDistrict)!.code,
            education: education!, facts: facts, registeredAt: registeredAt
        )
    }
}
