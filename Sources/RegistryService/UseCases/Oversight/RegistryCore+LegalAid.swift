import Enforcement
import Licensing
import RegistryStore

/// One district's line of the regional chamber's half-yearly legal-aid report (103-1.5).
public struct LegalAidSummaryLine: Hashable, Sendable {
    public let district: String
    public var bailiffsReporting = 0
    public var reports = 0
    public var lateReports = 0
    public var consultations = 0

    public init(district: String) { self.district = district }
}

extension RegistryCore {
    /// A bailiff's monthly legal-aid report (103-1.4), submitted by himself or recorded by his
    /// regional chamber. A late one is kept and counted as late.
    public func recordLegalAidReport(licenseNumber: String, month text: String, consultations: Int, context: RequestContext) async throws
        -> LegalAidReport
    {
        try await mutate(context: context, subject: { "legal-aid:\($0.id)" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            try Self.requireOwnRecord(context.principal, license: license.number, what: "legal-aid reports", article: "103-1.4")
            try Self.requireOwnRegion(context.principal, license: license, article: "103-1.4")
            guard let month = LegalAidReport.month(text) else {
                throw Rejection.invalid("month", "expected YYYY-MM, e.g. 2026-07", article: "103-1.4")
            }
            let today = now.kazakhstanDate
            guard month.adding(months: 1) <= today else {
                throw Rejection.invalid("month", "\(text) has not ended (today is \(today))", article: "103-1.4")
            }
            guard consultations >= 0 else { throw Rejection.invalid("consultations", "not negative") }
            guard try !tx.legalAidReports(from: month, through: month).contains(where: { $0.report.licenseNumber == license.number }) else {
                throw Rejection(
                    .alreadyExists, reason: "REPORT_ALREADY_SUBMITTED", message: "the report of \(text) is already recorded",
                    article: "103-1.4")
            }
            let report = LegalAidReport(
                id: 0, licenseNumber: license.number, month: month, consultations: consultations, submittedOn: today)
            return try tx.insert(report, recordedBy: context.principal.uri)
        }
    }

    /// The half-yearly consolidated report of 103-1.5, per district.
    public func legalAidSummary(half text: String, context: RequestContext) async throws -> (HalfYear, [LegalAidSummaryLine]) {
        guard let half = HalfYear(text) else { throw Rejection.invalid("half", "expected YYYYH1 or YYYYH2", article: "103-1.5") }
        let region = context.principal.regionalScope
        var lines = Dictionary(uniqueKeysWithValues: EnforcementDistrict.all.map { ($0.code, LegalAidSummaryLine(district: $0.code)) })
        let reports = try await store.read { try $0.legalAidReports(from: half.months.first!, through: half.months.last!) }
        var reporting: [String: Set<String>] = [:]
        for (report, district) in reports {
            lines[district]?.reports += 1
            lines[district]?.consultations += report.consultations
            if report.isLate { lines[district]?.lateReports += 1 }
            reporting[district, default: []].insert(report.licenseNumber.value)
        }
        for (district, bailiffs) in reporting { lines[district]?.bailiffsReporting = bailiffs.count }
        return (half, EnforcementDistrict.all.compactMap { lines[$0.code] }.filter { region == nil || $0.district == region })
    }
}
