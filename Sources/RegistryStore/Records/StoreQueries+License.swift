import Enforcement
import Foundation
import GRDB
import Licensing

/// Filters of `ListLicenses`.
public struct LicenseFilter: Hashable, Sendable {
    public var status: LicenseStatus?
    public var district: String?
    /// Case-insensitive prefix of the holder's surname.
    public var holderPrefix: String?

    public init(status: LicenseStatus? = nil, district: String? = nil, holderPrefix: String? = nil) {
        self.status = status
        self.district = district
        self.holderPrefix = holderPrefix
    }
}

extension StoreQueries {
    /// One license with its history, read by a single statement (`LicenseWithHistoryQuery`).
    public func license(_ number: LicenseNumber) throws -> License? {
        var assembler = LicenseWithHistoryQuery.Assembler(number: number)
        for row in try Row.fetchAll(db.cachedStatement(sql: LicenseWithHistoryQuery.sql), arguments: [number.value]) {
            try assembler.add(row)
        }
        return assembler.license
    }

    public static func basis(kind: String, reference: String, evidence: String) -> LicenseBasis {
        kind == "exemption"
            ? .exemption(ExemptionGround(rawValue: reference) ?? .qualificationExam, evidence: evidence)
            : .attestation(reference: reference, internshipEvidence: evidence)
    }

    /// Every license the person has held, newest first.
    public func licenses(heldBy holder: IIN) throws -> [License] {
        let rows = try Row.fetchAll(db, sql: Self.licenseSelect + " WHERE l.holder_iin = ? ORDER BY l.number DESC", arguments: [holder.digits])
        return try rows.map { row in
            let number = LicenseNumber(row["number"] as String)!
            return try Self.license(from: row, history: history(of: number))
        }
    }

    /// One page in license-number order, after `cursor` (exclusive).
    public func licenses(matching filter: LicenseFilter, after cursor: LicenseNumber?, limit: Int) throws -> [License] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let status = filter.status { clauses.append("l.status = ?"); arguments += [status.rawValue] }
        if let district = filter.district { clauses.append("l.district = ?"); arguments += [district] }
        if let prefix = filter.holderPrefix, !prefix.isEmpty {
            let fold = prefix.lowercased()
            clauses.append("l.holder_fold >= ? AND l.holder_fold < ?")
            arguments += [fold, fold + "\u{10FFFF}"]
        }
        if let cursor { clauses.append("l.number > ?"); arguments += [cursor.value] }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let rows = try Row.fetchAll(db, sql: Self.licenseSelect + whereSQL + " ORDER BY l.number LIMIT ?", arguments: arguments + [limit])
        return try rows.map { row in
            let number = LicenseNumber(row["number"] as String)!
            return try Self.license(from: row, history: history(of: number))
        }
    }

    public func history(of number: LicenseNumber) throws -> [StatusChange] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM license_status_history WHERE license_number = ? ORDER BY id"), arguments: [number.value]).map { row in
            StatusChange(
                status: LicenseStatus(rawValue: row["status"])!,
                decisionDate: LocalDate(row["decision_date"] as String)!,
                decidedAt: Instant(millisecondsSinceEpoch: row["decided_at_ms"]),
                effectiveDate: LocalDate(row["effective_date"] as String)!,
                legalBasis: Article(row["legal_basis"] as String),
                groundCode: row["ground_code"], actor: row["actor"], requestID: row["request_id"],
                termEnd: (row["term_end"] as String?).flatMap { LocalDate($0) }, reasons: row["reasons"],
                proposal: (row["proposal"] as String?).flatMap { ProposalReference(stored: $0) }
            )
        }
    }

    static var licenseSelect: String {
        """
        SELECT l.*, p.surname, p.given_name, p.patronymic
        FROM license l JOIN person p ON p.iin = l.holder_iin
        """
    }

    static func license(from row: Row, history: [StatusChange]) throws -> License {
        guard let holder = IIN(stored: row["holder_iin"]) else {
            throw StoreCorruption("license \(row["number"] as String) has an invalid holder IIN")
        }
        return License(
            number: LicenseNumber(row["number"] as String)!,
            holder: holder,
            holderName: PersonName(surname: row["surname"], givenName: row["given_name"], patronymic: row["patronymic"]),
            district: row["district"], issuedOn: LocalDate(row["issued_on"] as String)!,
            basis: basis(kind: row["basis_kind"], reference: row["basis_reference"], evidence: row["basis_evidence"]),
            status: LicenseStatus(rawValue: row["status"])!,
            deprivationClaimPending: row["deprivation_claim_pending"], history: history
        )
    }
}

extension StoreTransaction {
    /// Allocates the next number of `year` from the register's own sequence.
    public func nextLicenseNumber(year: Int) throws -> LicenseNumber {
        let last = try Int.fetchOne(db, sql: """
            INSERT INTO license_number_sequence (year, last) VALUES (?, 1)
            ON CONFLICT(year) DO UPDATE SET last = last + 1
            RETURNING last
            """, arguments: [year])!
        return LicenseNumber(year: year, sequence: last)
    }

    /// Enters a new license, its first history entry, and the bailiff's district.
    public func insert(_ license: License) throws {
        let (kind, reference, evidence): (String, String, String) = switch license.basis {
        case .attestation(let reference, let internship): ("attestation", reference, internship)
        case .exemption(let ground, let evidence): ("exemption", ground.rawValue, evidence)
        }
        try db.execute(
            sql: """
            INSERT INTO license (number, holder_iin, holder_fold, district, issued_on, basis_kind, basis_reference, basis_evidence, status, deprivation_claim_pending)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            arguments: [license.number.value, license.holder.digits, license.holderName.surname.lowercased(), license.district,
                        license.issuedOn.description, kind, reference, evidence, license.status.rawValue, license.deprivationClaimPending]
        )
        for change in license.history { try append(change, to: license.number) }
        try db.execute(
            sql: """
            INSERT INTO bailiff (iin, district, since) VALUES (?, ?, ?)
            ON CONFLICT(iin) DO UPDATE SET district = excluded.district, since = excluded.since
            """,
            arguments: [license.holder.digits, license.district, license.issuedOn.description]
        )
    }

    /// Stores a decision made by the domain on `before`: the license's new state and
    /// the history entries it appended, in the caller's transaction. Refuses when the
    /// stored license is no longer `before` (another decision got there first).
    public func record(_ after: License, replacing before: License) throws {
        guard after.number == before.number, after.history.starts(with: before.history) else {
            throw StoreCorruption("a decision must only append to the history of license \(before.number)")
        }
        guard try license(before.number) == before else {
            throw Rejection(.failedPrecondition, reason: "CONCURRENT_DECISION",
                            message: "license \(before.number) changed while this decision was being made; reload and decide again")
        }
        try db.execute(
            sql: "UPDATE license SET status = ?, deprivation_claim_pending = ? WHERE number = ?",
            arguments: [after.status.rawValue, after.deprivationClaimPending, after.number.value]
        )
        for change in after.history.dropFirst(before.history.count) { try append(change, to: after.number) }
    }

    public func append(_ change: StatusChange, to number: LicenseNumber) throws {
        try db.execute(
            sql: """
            INSERT INTO license_status_history
                (license_number, status, decision_date, decided_at_ms, effective_date, legal_basis, ground_code, actor, request_id, term_end, reasons, proposal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            arguments: [number.value, change.status.rawValue, change.decisionDate.description, change.decidedAt.millisecondsSinceEpoch,
                        change.effectiveDate.description, change.legalBasis.reference, change.groundCode, change.actor, change.requestID,
                        change.termEnd?.description, change.reasons, change.proposal?.description]
        )
    }
}

/// The file holds something the schema's constraints should have made impossible.
public struct StoreCorruption: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
