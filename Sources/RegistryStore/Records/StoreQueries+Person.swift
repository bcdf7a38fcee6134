import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    public func person(_ iin: IIN) throws -> Person? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE iin = ?", arguments: [iin.digits]) else { return nil }
        let facts = try Row.fetchAll(db, sql: "SELECT * FROM person_fact WHERE iin = ? ORDER BY id", arguments: [iin.digits]).map(Self.fact(from:))
        return Person(
            iin: iin,
            name: PersonName(surname: row["surname"], givenName: row["given_name"], patronymic: row["patronymic"]),
            residenceDistrict: row["residence_district"],
            education: Education(rawValue: row["education"]) ?? .other,
            facts: facts,
            registeredAt: Instant(millisecondsSinceEpoch: row["registered_at_ms"])
        )
    }

    static func fact(from row: Row) -> PersonFact {
        PersonFact(
            kind: PersonFact.Kind(rawValue: row["kind"])!,
            from: LocalDate(row["from_date"] as String)!,
            to: (row["to_date"] as String?).flatMap { LocalDate($0) },
            ground: row["ground"], reference: row["reference"]
        )
    }

    /// The bailiff's enforcement district, when the person has held a license.
    public func bailiffDistrict(_ iin: IIN) throws -> String? {
        try String.fetchOne(db, sql: "SELECT district FROM bailiff WHERE iin = ?", arguments: [iin.digits])
    }
}

extension StoreTransaction {
    /// Inserts a new person; refuses a second registration of the same IIN.
    public func insert(_ person: Person) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE iin = ?", arguments: [person.iin.digits]) == true {
            throw Rejection(.alreadyExists, reason: "PERSON_ALREADY_REGISTERED", message: "a person with IIN \(person.iin) is already registered")
        }
        try db.execute(
            sql: """
            INSERT INTO person (iin, surname, given_name, patronymic, residence_district, education, registered_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            arguments: [person.iin.digits, person.name.surname, person.name.givenName, person.name.patronymic,
                        person.residenceDistrict, person.education.rawValue, person.registeredAt.millisecondsSinceEpoch]
        )
        for fact in person.facts {
            try db.execute(
                sql: "INSERT INTO person_fact (iin, kind, from_date, to_date, ground, reference) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [person.iin.digits, fact.kind.rawValue, fact.from.description, fact.to?.description, fact.ground, fact.reference]
            )
        }
    }
}
