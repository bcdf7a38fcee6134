import Enforcement
import Licensing

extension PointReadPool {
    /// One license with its history and holder name, in one statement.
    func license(_ number: LicenseNumber) throws -> License? {
        try withConnection { connection in
            var head: License?
            var history: [StatusChange] = []
            try connection.query(StoreReader.licenseWithHistorySelect, [number.value]) { row in
                if head == nil { head = try Self.license(number, row) }
                if !row.isNull(12) { history.append(try Self.change(number, row)) }
            }
            head?.history = history
            return head
        }
    }

    private static func license(_ number: LicenseNumber, _ row: PointReadRow) throws -> License {
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

    private static func change(_ number: LicenseNumber, _ row: PointReadRow) throws -> StatusChange {
        guard let status = row.text(12).flatMap(LicenseStatus.init(rawValue:)), let decided = row.text(13).flatMap({ LocalDate($0) }),
              let effective = row.text(15).flatMap({ LocalDate($0) }), let basis = row.text(16),
              let actor = row.text(18), let requestID = row.text(19)
        else { throw StoreCorruption("license \(number) has a malformed history entry") }
        return StatusChange(status: status, decisionDate: decided, decidedAt: Instant(millisecondsSinceEpoch: row.int64(14)),
                            effectiveDate: effective, legalBasis: Article(basis), groundCode: row.text(17),
                            actor: actor, requestID: requestID,
                            termEnd: row.text(20).flatMap { LocalDate($0) }, reasons: row.text(21),
                            proposal: row.text(22).flatMap { ProposalReference(stored: $0) })
    }
}
