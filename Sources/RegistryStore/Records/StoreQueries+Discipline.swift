import Enforcement
import GRDB
import Licensing

/// A disciplinary proceeding as far as the license lifecycle needs it: open or
/// closed, and since when (144.5). The discipline records of the oversight work extend it.
public struct DisciplinaryProceeding: Hashable, Sendable, Codable {
    public var id: Int64
    public let licenseNumber: LicenseNumber
    public let openedOn: LocalDate
    /// Identity of the chamber that opened it.
    public let openedBy: String
    /// What it was opened on: a representation, a complaint, the chamber's own material (168.1.3, 170.2).
    public let source: String
    public var closedOn: LocalDate?
    public var outcome: String?
    /// The one penalty for the offence (170.3 ¶2), imposed on `closedOn`; nil when none.
    public var penalty: DisciplinaryPenalty?
    /// "upheld" or "annulled" once the penalty was appealed (170.3); an annulled one never counts.
    public var appealOutcome: String?
    public var appealDecision: String?

    public init(
        id: Int64, licenseNumber: LicenseNumber, openedOn: LocalDate, openedBy: String, source: String, closedOn: LocalDate?,
        outcome: String?,
        penalty: DisciplinaryPenalty? = nil, appealOutcome: String? = nil, appealDecision: String? = nil
    ) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.openedOn = openedOn
        self.openedBy = openedBy
        self.source = source
        self.closedOn = closedOn
        self.outcome = outcome
        self.penalty = penalty
        self.appealOutcome = appealOutcome
        self.appealDecision = appealDecision
    }

    /// Open on `date`: opened by then and not yet closed (closing on a day ends it that day).
    public func isOpen(on date: LocalDate) -> Bool {
        openedOn <= date && (closedOn.map { date < $0 } ?? true)
    }
}

extension StoreQueries {
    public func disciplinaryProceedings(of license: LicenseNumber) throws -> [DisciplinaryProceeding] {
        try Row.fetchAll(db, sql: "SELECT * FROM disciplinary_proceeding WHERE license_number = ? ORDER BY id", arguments: [license.value])
            .map(Self.proceeding(from:))
    }

    public func disciplinaryProceeding(_ id: Int64) throws -> DisciplinaryProceeding? {
        try Row.fetchOne(db, sql: "SELECT * FROM disciplinary_proceeding WHERE id = ?", arguments: [id]).map(Self.proceeding(from:))
    }

    static func proceeding(from row: Row) throws -> DisciplinaryProceeding {
        guard let number = LicenseNumber(row["license_number"] as String), let opened = LocalDate(row["opened_on"] as String) else {
            throw StoreCorruption("disciplinary proceeding \(row["id"] as Int64) has a malformed row")
        }
        return DisciplinaryProceeding(
            id: row["id"], licenseNumber: number, openedOn: opened, openedBy: row["opened_by"], source: row["source"],
            closedOn: (row["closed_on"] as String?).flatMap { LocalDate($0) }, outcome: row["outcome"],
            penalty: (row["penalty"] as String?).flatMap(DisciplinaryPenalty.init(rawValue:)),
            appealOutcome: row["appeal_outcome"], appealDecision: row["appeal_decision"])
    }
}

extension StoreTransaction {
    public func insert(_ proceeding: DisciplinaryProceeding) throws -> DisciplinaryProceeding {
        try db.execute(
            sql: "INSERT INTO disciplinary_proceeding (license_number, opened_on, opened_by, source) VALUES (?, ?, ?, ?)",
            arguments: [proceeding.licenseNumber.value, proceeding.openedOn.description, proceeding.openedBy, proceeding.source]
        )
        var stored = proceeding
        stored.id = db.lastInsertedRowID
        return stored
    }

    /// Closes a proceeding once; an already closed one is left as it was.
    public func close(_ proceeding: DisciplinaryProceeding) throws {
        try db.execute(
            sql: "UPDATE disciplinary_proceeding SET closed_on = ?, outcome = ?, penalty = ? WHERE id = ? AND closed_on IS NULL",
            arguments: [proceeding.closedOn?.description, proceeding.outcome, proceeding.penalty?.rawValue, proceeding.id])
        guard db.changesCount == 1 else { throw StoreCorruption("disciplinary proceeding \(proceeding.id) was closed concurrently") }
    }
}

extension StoreTransaction {
    /// Records the appeal of a proceeding's penalty, once.
    public func recordAppeal(_ proceeding: DisciplinaryProceeding) throws {
        try db.execute(
            sql:
                "UPDATE disciplinary_proceeding SET appeal_outcome = ?, appeal_decision = ? WHERE id = ? AND penalty IS NOT NULL AND appeal_outcome IS NULL",
            arguments: [proceeding.appealOutcome, proceeding.appealDecision, proceeding.id])
        guard db.changesCount == 1 else { throw StoreCorruption("the penalty of proceeding \(proceeding.id) was appealed concurrently") }
    }
}
