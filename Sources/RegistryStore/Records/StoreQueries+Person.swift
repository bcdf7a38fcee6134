import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    public func person(_ iin: IIN) throws -> Person? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE iin = ?", arguments: [iin.digits]) else { return nil }
        let facts = try factHistory(iin).facts.map(\.fact)
        return Person(
            iin: iin,
            name: PersonName(surname: row["surname"], givenName: row["given_name"], patronymic: row["patronymic"]),
            residenceDistrict: row["residence_district"],
            education: Education(rawValue: row["education"]) ?? .other,
            facts: facts,
            registeredAt: Instant(millisecondsSinceEpoch: row["registered_at_ms"])
        )
    }

    /// Every fact entry of the person, corrections and withdrawals included (140.2, 167(11-1)).
    public func factHistory(_ iin: IIN) throws -> PersonFactHistory {
        PersonFactHistory(
            entries: try Row.fetchAll(db, sql: "SELECT * FROM person_fact WHERE iin = ? ORDER BY id", arguments: [iin.digits]).map(
                Self.factEntry(from:)))
    }

    static func factEntry(from row: Row) -> PersonFactEntry {
        let fact = PersonFact(
            kind: PersonFact.Kind(rawValue: row["kind"])!,
            from: LocalDate(row["from_date"] as String)!,
            to: (row["to_date"] as String?).flatMap { LocalDate($0) },
            ground: row["ground"], reference: row["reference"], value: row["value"]
        )
        let target: Int64? = row["target"]
        let reason: String = row["reason"] ?? ""
        let change: PersonFactEntry.Change =
            switch (row["change"] as String, target) {
            case ("ends", let t?): .ends(entry: t)
            case ("corrects", let t?): .corrects(entry: t, reason: reason)
            case ("withdraws", let t?): .withdraws(entry: t, reason: reason)
            default: .records
            }
        return PersonFactEntry(
            id: row["id"], fact: fact, change: change, source: row["source"],
            recordedAt: Instant(millisecondsSinceEpoch: row["recorded_at_ms"]), recordedBy: row["recorded_by"])
    }

    /// The bailiff's enforcement district, when the person has held a license.
    public func bailiffDistrict(_ iin: IIN) throws -> String? {
        try String.fetchOne(db, sql: "SELECT district FROM bailiff WHERE iin = ?", arguments: [iin.digits])
    }
}

extension StoreTransaction {
    /// Inserts a new person; refuses a second registration of the same IIN.
    public func insert(_ person: Person, recordedBy: String) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE iin = ?", arguments: [person.iin.digits]) == true {
            throw Rejection(
                .alreadyExists, reason: "PERSON_ALREADY_REGISTERED", message: "a person with IIN \(person.iin) is already registered")
        }
        try db.execute(
            sql: """
                INSERT INTO person (iin, surname, given_name, patronymic, residence_district, education, registered_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                person.iin.digits, person.name.surname, person.name.givenName, person.name.patronymic,
                person.residenceDistrict, person.education.rawValue, person.registeredAt.millisecondsSinceEpoch,
            ]
        )
        for fact in person.facts {
            _ = try appendFact(
                fact, change: .records, of: person.iin, source: "registration", recordedAt: person.registeredAt, recordedBy: recordedBy)
        }
    }

    /// Appends one entry to the person's fact history; the table refuses updates and deletes.
    public func appendFact(
        _ fact: PersonFact, change: PersonFactEntry.Change, of iin: IIN, source: String,
        recordedAt: Instant, recordedBy: String
    ) throws -> PersonFactEntry {
        let (name, target, reason): (String, Int64?, String?) =
            switch change {
            case .records: ("records", nil, nil)
            case .ends(let entry): ("ends", entry, nil)
            case .corrects(let entry, let why): ("corrects", entry, why)
            case .withdraws(let entry, let why): ("withdraws", entry, why)
            }
        try db.execute(
            sql: """
                INSERT INTO person_fact (iin, kind, from_date, to_date, ground, reference, value, source, recorded_at_ms, recorded_by, change, target, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                iin.digits, fact.kind.rawValue, fact.from.description, fact.to?.description, fact.ground, fact.reference, fact.value,
                source, recordedAt.millisecondsSinceEpoch, recordedBy, name, target, reason,
            ]
        )
        return PersonFactEntry(
            id: db.lastInsertedRowID, fact: fact, change: change, source: source, recordedAt: recordedAt, recordedBy: recordedBy)
    }
}
