import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    /// Counts per district of what happened between `from` and `to` (inclusive), for the
    /// Chamber's quarterly information (163-1.3). Keys: inspections, violations, disciplinary,
    /// penalties, complaints, transferred.
    public func oversightCounts(from: LocalDate, to: LocalDate) throws -> [String: [String: Int]] {
        let start = Instant(startOf: from).millisecondsSinceEpoch
        let end = Instant(startOf: to.adding(days: 1)).millisecondsSinceEpoch
        let queries: [(String, String, StatementArguments)] = [
            (
                "inspections",
                "SELECT l.district, count(*) FROM inspection x JOIN license l ON l.number = x.license_number WHERE x.completed_on BETWEEN ? AND ? GROUP BY l.district",
                [from.description, to.description]
            ),
            (
                "violations",
                "SELECT l.district, count(*) FROM violation x JOIN license l ON l.number = x.license_number WHERE x.established_on BETWEEN ? AND ? GROUP BY l.district",
                [from.description, to.description]
            ),
            (
                "disciplinary",
                "SELECT l.district, count(*) FROM disciplinary_proceeding x JOIN license l ON l.number = x.license_number WHERE x.opened_on BETWEEN ? AND ? GROUP BY l.district",
                [from.description, to.description]
            ),
            (
                "penalties",
                "SELECT l.district, count(*) FROM disciplinary_proceeding x JOIN license l ON l.number = x.license_number WHERE x.penalty IS NOT NULL AND x.closed_on BETWEEN ? AND ? GROUP BY l.district",
                [from.description, to.description]
            ),
            (
                "complaints", "SELECT district, count(*) FROM complaint WHERE received_on BETWEEN ? AND ? GROUP BY district",
                [from.description, to.description]
            ),
            (
                "transferred",
                "SELECT district, sum(reassigned) FROM transfer_job WHERE created_at_ms >= ? AND created_at_ms < ? GROUP BY district",
                [start, end]
            ),
        ]
        var counts: [String: [String: Int]] = [:]
        for (key, sql, arguments) in queries {
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                counts[row[0] as String, default: [:]][key] = row[1] as Int? ?? 0
            }
        }
        return counts
    }
}
