import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    /// Reports of the months from `first` to `last` (inclusive), with each bailiff's district.
    public func legalAidReports(from first: LocalDate, through last: LocalDate) throws -> [(report: LegalAidReport, district: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT r.*, l.district FROM legal_aid_report r JOIN license l ON l.number = r.license_number
                WHERE r.month BETWEEN ? AND ? ORDER BY r.month, r.license_number
                """, arguments: [first.description, last.description]
        ).map { row in
            guard let number = LicenseNumber(row["license_number"] as String), let month = LocalDate(row["month"] as String),
                let submitted = LocalDate(row["submitted_on"] as String)
            else { throw StoreCorruption("legal-aid report \(row["id"] as Int64) has a malformed row") }
            return (
                LegalAidReport(
                    id: row["id"], licenseNumber: number, month: month, consultations: row["consultations"], submittedOn: submitted),
                row["district"]
            )
        }
    }
}

extension StoreTransaction {
    public func insert(_ report: LegalAidReport, recordedBy: String) throws -> LegalAidReport {
        try db.execute(
            sql: "INSERT INTO legal_aid_report (license_number, month, consultations, submitted_on, recorded_by) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                report.licenseNumber.value, report.month.description, report.consultations, report.submittedOn.description, recordedBy,
            ])
        var stored = report
        stored.id = db.lastInsertedRowID
        return stored
    }
}
