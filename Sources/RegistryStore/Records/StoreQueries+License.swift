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
        let numbers = try String.fetchAll(
            db, sql: "SELECT number FROM license WHERE holder_iin = ? ORDER BY number DESC", arguments: [holder.digits])
        return try numbers.compactMap { try LicenseNumber($0).flatMap(license) }
    }

    /// One page in license-number order, after `cursor` (exclusive).
    public func licenses(matching filter: LicenseFilter, after cursor: LicenseNumber?, limit: Int) throws -> [License] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let status = filter.status {
            clauses.append("status = ?")
            arguments += [status.rawValue]
        }
        if let district = filter.district {
            clauses.append("district = ?")
            arguments += [district]
        }
        if let prefix = filter.holderPrefix, !prefix.isEmpty {
            let fold = prefix.lowercased()
            clauses.append("holder_fold >= ? AND holder_fold < ?")
            arguments += [fold, fold + "\u{10FFFF}"]
        }
        if let cursor {
            clauses.append("number > ?")
            arguments += [cursor.value]
        }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let numbers = try String.fetchAll(
            db, sql: "SELECT number FROM license" + whereSQL + " ORDER BY number LIMIT ?", arguments: arguments + [limit])
        return try numbers.compactMap { try LicenseNumber($0).flatMap(license) }
    }
}

extension StoreTransaction {
    /// Allocates the next number of `year` from the register's own sequence.
    public func nextLicenseNumber(year: Int) throws -> LicenseNumber {
        let last = try Int.fetchOne(
            db,
            sql: """
                INSERT INTO license_number_sequence (year, last) VALUES (?, 1)
                ON CONFLICT(year) DO UPDATE SET last = last + 1
                RETURNING last
                """, arguments: [year])!
        return LicenseNumber(year: year, sequence: last)
    }

    /// Enters a new license, its first history entry, and the bailiff's district.
    public func insert(_ license: License) throws {
        let (kind, reference, evidence): (String, String, String) =
            switch license.basis {
            case .attestation(let reference, let internship): ("attestation", reference, internship)
            case .exemption(let ground, let evidence): ("exemption", ground.rawValue, evidence)
            }
        try db.execute(
            sql: """
                INSERT INTO license (number, holder_iin, holder_fold, district, issued_on, basis_kind, basis_reference, basis_evidence, status, deprivation_claim_pending)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                license.number.value, license.holder.digits, license.holderName.surname.lowercased(), license.district,
                license.issuedOn.description, kind, reference, evidence, license.status.rawValue, license.deprivationClaimPending,
            ]
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
            throw Rejection(
                .failedPrecondition, reason: "CONCURRENT_DECISION",
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
                    (license_number, kind, status, decision_date, decided_at_ms, effective_date, legal_basis, ground_code, actor, request_id,
                     term_end, reasons, proposal, document, annuls_entry)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                number.value, change.kind.rawValue, change.status.rawValue, change.decisionDate.description,
                change.decidedAt.millisecondsSinceEpoch,
                change.effectiveDate.description, change.legalBasis.reference, change.groundCode, change.actor, change.requestID,
                change.termEnd?.description, change.reasons, change.proposal?.description, change.document, change.annulsEntry,
            ]
        )
    }
}

/// The file holds something the schema's constraints should have made impossible.
public struct StoreCorruption: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
