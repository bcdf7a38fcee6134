import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    /// Every membership of a license, oldest first.
    public func memberships(of license: LicenseNumber) throws -> [Membership] {
        try Row.fetchAll(db, sql: "SELECT * FROM membership WHERE license_number = ? ORDER BY id", arguments: [license.value]).map { row in
            guard let number = LicenseNumber(row["license_number"] as String), let admitted = LocalDate(row["admitted_on"] as String),
                let status = Membership.Status(rawValue: row["status"])
            else { throw StoreCorruption("membership \(row["id"] as Int64) has a malformed row") }
            return Membership(
                id: row["id"], licenseNumber: number, district: row["district"], admittedOn: admitted,
                admissionDecision: row["admission_decision"], status: status,
                endedOn: (row["ended_on"] as String?).flatMap { LocalDate($0) },
                expulsionGround: (row["expulsion_ground"] as String?).flatMap(ExpulsionGround.init(rawValue:)),
                endDecision: row["end_decision"])
        }
    }

    /// Every insurance contract of a license, by start of cover.
    public func insuranceContracts(of license: LicenseNumber) throws -> [InsuranceContract] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM insurance_contract WHERE license_number = ? ORDER BY valid_from, id", arguments: [license.value]
        ).map { row in
            guard let number = LicenseNumber(row["license_number"] as String), let concluded = LocalDate(row["concluded_on"] as String),
                let from = LocalDate(row["valid_from"] as String), let to = LocalDate(row["valid_to"] as String)
            else { throw StoreCorruption("insurance contract \(row["id"] as Int64) has a malformed row") }
            return InsuranceContract(
                id: row["id"], licenseNumber: number, insurer: row["insurer"], contractNumber: row["contract_number"],
                concludedOn: concluded, validFrom: from, validTo: to, sumInsured: Tenge(tiyn: row["sum_tiyn"]))
        }
    }
}

extension StoreTransaction {
    public func insert(_ membership: Membership) throws -> Membership {
        try db.execute(
            sql: """
                INSERT INTO membership (license_number, district, admitted_on, admission_decision, status) VALUES (?, ?, ?, ?, 'active')
                """,
            arguments: [
                membership.licenseNumber.value, membership.district, membership.admittedOn.description, membership.admissionDecision,
            ])
        var stored = membership
        stored.id = db.lastInsertedRowID
        return stored
    }

    /// Records the end of an active membership, once.
    public func end(_ membership: Membership) throws {
        try db.execute(
            sql: """
                UPDATE membership SET status = ?, ended_on = ?, expulsion_ground = ?, end_decision = ? WHERE id = ? AND status = 'active'
                """,
            arguments: [
                membership.status.rawValue, membership.endedOn?.description, membership.expulsionGround?.rawValue, membership.endDecision,
                membership.id,
            ])
        guard db.changesCount == 1 else { throw StoreCorruption("membership \(membership.id) was ended concurrently") }
    }

    public func insert(_ contract: InsuranceContract, recordedBy: String, at now: Instant) throws -> InsuranceContract {
        try db.execute(
            sql: """
                INSERT INTO insurance_contract (license_number, insurer, contract_number, concluded_on, valid_from, valid_to, sum_tiyn, recorded_by, recorded_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                contract.licenseNumber.value, contract.insurer, contract.contractNumber, contract.concludedOn.description,
                contract.validFrom.description, contract.validTo.description, contract.sumInsured.tiyn, recordedBy,
                now.millisecondsSinceEpoch,
            ])
        var stored = contract
        stored.id = db.lastInsertedRowID
        return stored
    }
}
