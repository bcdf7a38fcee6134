import Enforcement
import Foundation
import GRDB

/// Filters of `ListProceedings`.
public struct ProceedingFilter: Hashable, Sendable {
    public var holderLicense: String?
    /// Only those held by the regional chamber of `district` (no bailiff).
    public var heldByChamber: Bool
    public var district: String?
    public var category: ProceedingCategory?
    public var status: EnforcementProceeding.Status?

    public init(
        holderLicense: String? = nil, heldByChamber: Bool = false, district: String? = nil,
        category: ProceedingCategory? = nil, status: EnforcementProceeding.Status? = nil
    ) {
        self.holderLicense = holderLicense
        self.heldByChamber = heldByChamber
        self.district = district
        self.category = category
        self.status = status
    }
}

/// One change of a proceeding's holder, as kept in its append-only history.
public struct StoredAssignment: Hashable, Sendable {
    public let holder: EnforcementProceeding.Holder
    /// "import", "handover", "reassignment", "noReceiver", "cancelled".
    public let reason: String
    public let jobID: Int64?
    public let at: Instant
    /// JSON: the `Reassignment` with the receiver's data (123.6.2), for reassignments.
    public let explanation: String?
}

/// One decoder for every proceeding row read (a transfer reads 100,000 of them).
enum ProceedingCoding {
    static let decoder = JSONDecoder()
}

/// What the register keeps of a proceeding beyond its queried columns.
struct ProceedingDetails: Codable {
    var document: EnforcementDocument
    var creditor: Party
    var debtor: Party
    var debtorLocation: DebtorLocation
    var amountTiyn: Int64
    var advancePaidTiyn: Int64
    var advanceUsedTiyn: Int64
    var lastMeasureOn: String?
    var firstMeasureOn: String?
    var standingMeasureSince: String?
    var standingLiftedOn: String?

    /// The same JSON as `JSONEncoder` with sorted keys would write, built by hand: intake
    /// writes 100,000 of these and Foundation's encoder was its largest cost. Every string
    /// goes through the outbox's escaping; reading uses `JSONDecoder` as before.
    var json: String {
        func party(_ p: Party) -> String {
            OutboxPayload.json(sorted: [
                ("contact", .text(p.contact)), ("identifier", .text(p.identifier)), ("kind", .text(p.kind.rawValue)),
                ("name", .text(p.name)),
            ])
        }
        var text = "{\"advancePaidTiyn\":\(advancePaidTiyn),\"advanceUsedTiyn\":\(advanceUsedTiyn),\"amountTiyn\":\(amountTiyn)"
        text += ",\"creditor\":" + party(creditor) + ",\"debtor\":" + party(debtor)
        text +=
            ",\"debtorLocation\":"
            + OutboxPayload.json(sorted: [("district", .text(debtorLocation.district)), ("unit", .text(debtorLocation.unit))])
        text += ",\"document\":{\"debtorKind\":\"\(document.debtorKind.rawValue)\",\"inFavourOfState\":\(document.inFavourOfState)"
        text += ",\"kind\":\"\(document.kind.rawValue)\",\"reference\":"
        OutboxPayload.append(document.reference, to: &text)
        text += ",\"subject\":\"\(document.subject.rawValue)\"}"
        for (key, value) in [
            ("firstMeasureOn", firstMeasureOn), ("lastMeasureOn", lastMeasureOn),
            ("standingLiftedOn", standingLiftedOn), ("standingMeasureSince", standingMeasureSince),
        ] {
            guard let value else { continue }
            text += ",\"\(key)\":"
            OutboxPayload.append(value, to: &text)
        }
        return text + "}"
    }
}

extension ProceedingDetails {
    init(_ proceeding: EnforcementProceeding) {
        self.init(
            document: proceeding.document, creditor: proceeding.creditor, debtor: proceeding.debtor,
            debtorLocation: proceeding.debtorLocation, amountTiyn: proceeding.amount.tiyn,
            advancePaidTiyn: proceeding.advancePaid.tiyn, advanceUsedTiyn: proceeding.advanceUsed.tiyn,
            lastMeasureOn: proceeding.lastMeasureOn?.description, firstMeasureOn: proceeding.firstMeasureOn?.description,
            standingMeasureSince: proceeding.standingMeasureSince?.description, standingLiftedOn: proceeding.standingLiftedOn?.description)
    }
}

extension StoreQueries {
    public func proceeding(_ number: String) throws -> EnforcementProceeding? {
        try Row.fetchOne(
            try db.cachedStatement(
                sql: "SELECT p.*, d.details FROM proceeding p JOIN proceeding_details d USING (number) WHERE p.number = ?"),
            arguments: [number]
        ).map(Self.proceeding(from:))
    }

    /// One page in number order after `cursor`.
    public func proceedings(matching filter: ProceedingFilter, after cursor: String?, limit: Int) throws -> [EnforcementProceeding] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let license = filter.holderLicense {
            clauses.append("p.holder_license = ?")
            arguments += [license]
        }
        if filter.heldByChamber { clauses.append("p.holder_license IS NULL") }
        if let district = filter.district {
            clauses.append("p.district = ?")
            arguments += [district]
        }
        if let category = filter.category {
            clauses.append("p.category = ?")
            arguments += [category.rawValue]
        }
        if let status = filter.status {
            clauses.append("p.status = ?")
            arguments += [status.rawValue]
        }
        if let cursor {
            clauses.append("p.number > ?")
            arguments += [cursor]
        }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(
            db,
            sql: "SELECT p.*, d.details FROM proceeding p JOIN proceeding_details d USING (number)" + whereSQL
                + " ORDER BY p.number LIMIT ?", arguments: arguments + [limit]
        )
        .map(Self.proceeding(from:))
    }

    public func assignments(of number: String) throws -> [StoredAssignment] {
        try Row.fetchAll(db, sql: "SELECT * FROM proceeding_assignment WHERE proceeding_number = ? ORDER BY id", arguments: [number]).map {
            row in
            guard let holder = EnforcementProceeding.Holder(stored: row["holder"]) else {
                throw StoreCorruption("assignment \(row["id"] as Int64) has a malformed holder")
            }
            return StoredAssignment(
                holder: holder, reason: row["reason"], jobID: row["job_id"],
                at: Instant(millisecondsSinceEpoch: row["at_ms"]), explanation: row["explanation"])
        }
    }

    /// Weighted open proceedings held by each bailiff of `district` (bailiffs holding none are absent).
    public func loads(in district: String, weight: (ProceedingCategory) -> Int) throws -> [String: Int] {
        var loads: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT holder_license, category, count(*) AS n FROM proceeding
                WHERE district = ? AND status = 'open' AND holder_license IS NOT NULL
                GROUP BY holder_license, category
                """, arguments: [district])
        {
            let category = ProceedingCategory(rawValue: row["category"]) ?? .other
            loads[row["holder_license"], default: 0] += weight(category) * (row["n"] as Int)
        }
        return loads
    }

    static func proceeding(from row: Row) throws -> EnforcementProceeding {
        let number: String = row["number"]
        guard let category = ProceedingCategory(rawValue: row["category"]),
            let status = EnforcementProceeding.Status(rawValue: row["status"]),
            let opened = LocalDate(row["opened_on"] as String),
            let details = try? ProceedingDetails.read(row["details"])
        else { throw StoreCorruption("proceeding \(number) has a malformed row") }
        let district: String = row["district"]
        let holder: EnforcementProceeding.Holder =
            (row["holder_license"] as String?).map { .bailiff(license: $0) } ?? .regionalChamber(district: district)
        return EnforcementProceeding(
            number: number, document: details.document, category: category, creditor: details.creditor, debtor: details.debtor,
            debtorLocation: details.debtorLocation, amount: Tenge(tiyn: details.amountTiyn), openedOn: opened, district: district,
            holder: holder, advancePaid: Tenge(tiyn: details.advancePaidTiyn), advanceUsed: Tenge(tiyn: details.advanceUsedTiyn),
            status: status,
            lastMeasureOn: details.lastMeasureOn.flatMap { LocalDate($0) },
            firstMeasureOn: details.firstMeasureOn.flatMap { LocalDate($0) },
            standingMeasureSince: details.standingMeasureSince.flatMap { LocalDate($0) },
            standingLiftedOn: details.standingLiftedOn.flatMap { LocalDate($0) }
        )
    }
}

extension StoreTransaction {
    /// Enters a proceeding with its first assignment.
    public func insert(_ proceeding: EnforcementProceeding, at now: Instant) throws {
        let details = ProceedingDetails(proceeding)
        try db.cachedStatement(
            sql:
                "INSERT INTO proceeding (number, district, holder_license, category, status, opened_on, imported_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        .execute(arguments: [
            proceeding.number, proceeding.district, Self.license(of: proceeding.holder), proceeding.category.rawValue,
            proceeding.status.rawValue, proceeding.openedOn.description, now.millisecondsSinceEpoch,
        ])
        try db.cachedStatement(sql: "INSERT INTO proceeding_details (number, details) VALUES (?, ?)").execute(arguments: [
            proceeding.number, details.json,
        ])
        try appendAssignment(proceeding.number, holder: proceeding.holder, reason: "import", jobID: nil, explanation: nil, at: now)
    }

    /// Moves a proceeding to `holder` and records why; refuses if it is not where the caller thinks.
    public func move(
        _ number: String, from expected: EnforcementProceeding.Holder, to holder: EnforcementProceeding.Holder,
        reason: String, jobID: Int64?, explanation: String?, at now: Instant
    ) throws {
        let (district, license): (String?, String?) =
            switch expected {
            case .bailiff(let license): (nil, license)
            case .regionalChamber(let district): (district, nil)
            }
        try db.cachedStatement(
            sql: """
                UPDATE proceeding SET holder_license = ? WHERE number = ? AND status = 'open'
                  AND holder_license IS ? AND (? IS NULL OR district = ?)
                """
        ).execute(arguments: [Self.license(of: holder), number, license, district, district])
        guard db.changesCount == 1 else {
            throw StoreCorruption("proceeding \(number) is no longer held by \(expected); not moved twice")
        }
        // A substitute's proceeding that goes anywhere but back leaves its replacement (153-1).
        if case .bailiff = expected, reason != "replacementEnded" { try settleReplacementItems([number]) }
        try appendAssignment(number, holder: holder, reason: reason, jobID: jobID, explanation: explanation, at: now)
    }

    /// Proceedings that leave a substitute other than by the end of the replacement (hand-over,
    /// relocation, a closing) are settled as `movedAway`, so the end of the replacement finds
    /// only those he still holds for it.
    public func settleReplacementItems(_ numbers: [String]) throws {
        let statement = try db.cachedStatement(
            sql: "UPDATE replacement_item SET state = 'movedAway' WHERE proceeding_number = ? AND state = 'moved'")
        for number in numbers { try statement.execute(arguments: [number]) }
    }

    public func appendAssignment(
        _ number: String, holder: EnforcementProceeding.Holder, reason: String, jobID: Int64?, explanation: String?, at now: Instant
    ) throws {
        try db.cachedStatement(
            sql:
                "INSERT INTO proceeding_assignment (proceeding_number, holder, reason, job_id, at_ms, explanation) VALUES (?, ?, ?, ?, ?, ?)"
        )
        .execute(arguments: [number, holder.description, reason, jobID, now.millisecondsSinceEpoch, explanation])
    }

    static func license(of holder: EnforcementProceeding.Holder) -> String? {
        if case .bailiff(let license) = holder { return license }
        return nil
    }
}

extension StoreTransaction {
    /// Hands every open proceeding of `license` to the regional chamber of `district` in a few
    /// set statements (a bailiff may hold 100,000), recording each hand-over in the order of
    /// `job`, just created for them (its items are read in order from the job's primary key).
    public func handOverAll(of license: String, to district: String, job: Int64, at now: Instant) throws {
        try db.execute(
            sql: """
                INSERT INTO proceeding_assignment (proceeding_number, holder, reason, job_id, at_ms, explanation)
                SELECT proceeding_number, ?, 'handover', NULL, ?, NULL FROM transfer_item WHERE job_id = ? ORDER BY proceeding_number
                """,
            arguments: [EnforcementProceeding.Holder.regionalChamber(district: district).description, now.millisecondsSinceEpoch, job])
        // The few replacement items are probed one by one rather than listing 100,000 numbers.
        try db.execute(
            sql: """
                UPDATE replacement_item SET state = 'movedAway' WHERE state = 'moved' AND EXISTS (
                    SELECT 1 FROM proceeding p WHERE p.number = replacement_item.proceeding_number AND p.holder_license = ? AND p.status = 'open')
                """, arguments: [license])
        // Setting the district only where it changes leaves the district index alone for the rest.
        try db.execute(
            sql: "UPDATE proceeding SET holder_license = NULL WHERE holder_license = ? AND status = 'open' AND district = ?",
            arguments: [license, district])
        try db.execute(
            sql: "UPDATE proceeding SET holder_license = NULL, district = ? WHERE holder_license = ? AND status = 'open'",
            arguments: [district, license])
    }
}

extension StoreTransaction {
    /// The measures the enforcement system reported (144.2.4), as the domain computed them.
    public func recordMeasures(of proceeding: EnforcementProceeding) throws {
        try db.execute(
            sql:
                "UPDATE proceeding_details SET details = ? WHERE number = ? AND EXISTS (SELECT 1 FROM proceeding p WHERE p.number = ? AND p.status = 'open')",
            arguments: [ProceedingDetails(proceeding).json, proceeding.number, proceeding.number])
    }
}
