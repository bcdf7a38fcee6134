import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    /// The ID cards and seals of a license (154), in the order they were issued.
    public func serviceDocuments(of license: LicenseNumber) throws -> [ServiceDocument] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM service_document WHERE license_number = ? ORDER BY issued_on, id", arguments: [license.value]
        ).map { row in
            guard let kind = ServiceDocument.Kind(rawValue: row["kind"]), let issued = LocalDate(row["issued_on"] as String) else {
                throw StoreCorruption("service document \(row["id"] as Int64) has a malformed row")
            }
            return ServiceDocument(
                id: row["id"], license: license, kind: kind, number: row["number"], holderName: row["holder_name"],
                chamber: row["chamber"], district: row["district"], issuedOn: issued, issuedBy: row["issued_by"],
                destroyedOn: (row["destroyed_on"] as String?).flatMap { LocalDate($0) },
                destructionReason: (row["destruction_reason"] as String?).flatMap { ServiceDocument.DestructionReason(rawValue: $0) },
                destructionAct: row["destruction_act"])
        }
    }

    /// Whether a card or seal number is already in the register (numbers are unique by kind).
    public func serviceDocumentNumberTaken(_ kind: ServiceDocument.Kind, _ number: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM service_document WHERE kind = ? AND number = ?)", arguments: [kind.rawValue, number])
            ?? false
    }

    public func licenseWithdrawal(of license: LicenseNumber) throws -> LicenseWithdrawal? {
        try Row.fetchOne(db, sql: "SELECT * FROM license_withdrawal WHERE license_number = ?", arguments: [license.value]).map { row in
            guard let day = LocalDate(row["withdrawn_on"] as String) else {
                throw StoreCorruption("the withdrawal of \(license) has a malformed date")
            }
            return LicenseWithdrawal(license: license, withdrawnOn: day, act: row["act"], district: row["district"])
        }
    }
}

extension StoreTransaction {
    public func insert(_ document: ServiceDocument, at now: Instant) throws -> ServiceDocument {
        try db.execute(
            sql: """
                INSERT INTO service_document (license_number, kind, number, holder_name, chamber, district, issued_on, issued_by, recorded_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                document.license.value, document.kind.rawValue, document.number, document.holderName, document.chamber,
                document.district, document.issuedOn.description, document.issuedBy, now.millisecondsSinceEpoch,
            ])
        var stored = document
        stored.id = db.lastInsertedRowID
        return stored
    }

    public func destroy(_ document: ServiceDocument) throws {
        try db.execute(
            sql: """
                UPDATE service_document SET destroyed_on = ?, destruction_reason = ?, destruction_act = ? WHERE id = ? AND destroyed_on IS NULL
                """,
            arguments: [document.destroyedOn?.description, document.destructionReason?.rawValue, document.destructionAct, document.id])
        guard db.changesCount == 1 else { throw StoreCorruption("service document \(document.id) was destroyed concurrently") }
    }

    public func insert(_ withdrawal: LicenseWithdrawal, recordedBy: String, at now: Instant) throws {
        try db.execute(
            sql: """
                INSERT INTO license_withdrawal (license_number, withdrawn_on, act, district, recorded_by, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                withdrawal.license.value, withdrawal.withdrawnOn.description, withdrawal.act, withdrawal.district,
                recordedBy, now.millisecondsSinceEpoch,
            ])
    }
}
