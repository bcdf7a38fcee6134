import Enforcement
import GRDB
import Licensing

/// Column access by position: one decoding of the license query for GRDB rows
/// (inside transactions) and raw point-read rows (the GetLicense hot path).
protocol PositionalColumns {
    func text(_ column: Int32) -> String?
    func int64(_ column: Int32) -> Int64
    func isNull(_ column: Int32) -> Bool
}

extension PointReadRow: PositionalColumns {}

extension Row: PositionalColumns {
    func text(_ column: Int32) -> String? { self[Int(column)] }
    func int64(_ column: Int32) -> Int64 { self[Int(column)] ?? 0 }
    func isNull(_ column: Int32) -> Bool { self.hasNull(atIndex: Int(column)) }
}

/// One license with its holder's name and its whole history in one statement
/// (license ⋈ holder ⟕ history): one statement runs on one consistent snapshot.
enum LicenseWithHistoryQuery {
    static let sql = """
        SELECT l.number, l.holder_iin, l.district, l.issued_on, l.basis_kind, l.basis_reference, l.basis_evidence,
               l.status, l.deprivation_claim_pending, p.surname, p.given_name, p.patronymic,
               h.status, h.decision_date, h.decided_at_ms, h.effective_date, h.legal_basis, h.ground_code, h.actor, h.request_id,
               h.term_end, h.reasons, h.proposal, h.kind, h.document, h.annuls_entry
        FROM license l
        JOIN person p ON p.iin = l.holder_iin
        LEFT JOIN license_status_history h ON h.license_number = l.number
        WHERE l.number = ?
        ORDER BY h.id
        """

    /// Builds the license row by row, as the statement yields them.
    struct Assembler {
        let number: LicenseNumber
        private(set) var license: License?

        init(number: LicenseNumber) { self.number = number }

        mutating func add(_ row: some PositionalColumns) throws {
            if license == nil { license = try LicenseWithHistoryQuery.header(number, row) }
            if let change = try LicenseWithHistoryQuery.change(number, row) { license?.history.append(change) }
        }
    }

    static func header(_ number: LicenseNumber, _ row: some PositionalColumns) throws -> License {
        guard let holder = row.text(1).flatMap(IIN.init(stored:)), let district = row.text(2),
            let issuedOn = row.text(3).flatMap({ LocalDate($0) }), let kind = row.text(4), let reference = row.text(5),
            let evidence = row.text(6), let status = row.text(7).flatMap(LicenseStatus.init(rawValue:)),
            let surname = row.text(9), let givenName = row.text(10)
        else { throw StoreCorruption("license \(number) has a malformed row") }
        return License(
            number: number, holder: holder,
            holderName: PersonName(surname: surname, givenName: givenName, patronymic: row.text(11)),
            district: district, issuedOn: issuedOn,
            basis: StoreReader.basis(kind: kind, reference: reference, evidence: evidence),
            status: status, deprivationClaimPending: row.int64(8) != 0, history: []
        )
    }

    /// The history entry of the row; nil for a license without history (the LEFT JOIN's NULLs).
    static func change(_ number: LicenseNumber, _ row: some PositionalColumns) throws -> StatusChange? {
        guard let rawStatus = row.text(12) else { return nil }
        guard let status = LicenseStatus(rawValue: rawStatus), let decided = row.text(13).flatMap({ LocalDate($0) }),
            let effective = row.text(15).flatMap({ LocalDate($0) }), let basis = row.text(16),
            let actor = row.text(18), let requestID = row.text(19),
            let kind = row.text(23).flatMap(StatusChange.Kind.init(rawValue:))
        else { throw StoreCorruption("license \(number) has a malformed history entry") }
        return StatusChange(
            kind: kind, status: status, decisionDate: decided, decidedAt: Instant(millisecondsSinceEpoch: row.int64(14)),
            effectiveDate: effective, legalBasis: Article(basis), groundCode: row.text(17),
            actor: actor, requestID: requestID,
            termEnd: row.text(20).flatMap { LocalDate($0) }, reasons: row.text(21),
            proposal: row.text(22).flatMap { ProposalReference(stored: $0) }, document: row.text(24),
            annulsEntry: row.isNull(25) ? nil : Int(row.int64(25)))
    }
}
