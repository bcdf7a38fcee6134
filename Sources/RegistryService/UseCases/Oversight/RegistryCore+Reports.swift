import Enforcement
import Licensing
import RegistryStore

/// One district's line of the Republican Chamber's quarterly information to the Ministry (163-1.3).
public struct QuarterlyReportLine: Hashable, Sendable {
    public let district: String
    /// Licenses active, and suspended, at the end of the quarter.
    public var active = 0
    public var suspended = 0
    /// Licenses terminated or deprived with effect in the quarter.
    public var ended = 0
    public var inspections = 0
    public var violations = 0
    public var disciplinary = 0
    public var penalties = 0
    public var complaints = 0
    /// Proceedings reassigned by transfer jobs started in the quarter.
    public var transferred = 0

    public init(district: String) { self.district = district }
}

extension RegistryCore {
    /// The quarterly information of 163-1.3, per enforcement district, from the register and
    /// the oversight records; statuses are as of the quarter's last day.
    public func quarterlyReport(quarter text: String, context: RequestContext) async throws -> [QuarterlyReportLine] {
        guard let quarter = Quarter(text) else { throw Rejection.invalid("quarter", "expected YYYYQn, e.g. 2026Q3", article: "163-1.3") }
        let today = clock.now().kazakhstanDate
        guard quarter.firstDay <= today else { throw Rejection.invalid("quarter", "\(quarter) has not begun") }
        let endInstant = Instant(startOf: quarter.lastDay.adding(days: 1))
        let lines = try await store.read { reader in
            var lines = Dictionary(uniqueKeysWithValues: EnforcementDistrict.all.map { ($0.code, QuarterlyReportLine(district: $0.code)) })
            var cursor: LicenseNumber?
            while true {
                let page = try reader.licenses(matching: LicenseFilter(), after: cursor, limit: 500)
                for license in page {
                    // The status just before the quarter ended, from history.
                    switch license.status(at: Instant(millisecondsSinceEpoch: endInstant.millisecondsSinceEpoch - 1)) {
                    case .active?: lines[license.district]?.active += 1
                    case .suspended?: lines[license.district]?.suspended += 1
                    case .terminated?, .deprived?:
                        if let ended = license.decisiveChange(at: endInstant),
                            (quarter.firstDay...quarter.lastDay).contains(ended.effectiveDate)
                        {
                            lines[license.district]?.ended += 1
                        }
                    case nil: break
                    }
                }
                guard page.count == 500, let last = page.last else { break }
                cursor = last.number
            }
            for (district, counts) in try reader.oversightCounts(from: quarter.firstDay, to: quarter.lastDay) {
                lines[district]?.inspections = counts["inspections"] ?? 0
                lines[district]?.violations = counts["violations"] ?? 0
                lines[district]?.disciplinary = counts["disciplinary"] ?? 0
                lines[district]?.penalties = counts["penalties"] ?? 0
                lines[district]?.complaints = counts["complaints"] ?? 0
                lines[district]?.transferred = counts["transferred"] ?? 0
            }
            return lines
        }
        return EnforcementDistrict.all.compactMap { lines[$0.code] }
    }
}
