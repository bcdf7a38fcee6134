import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// The Ministry sets the MCI from a budget law (the thresholds of 138.1(4), 146.2-1): for a
    /// year from 1 January, or from the day a mid-year amendment names.
    public func setMCI(year: Int, from: LocalDate?, tenge: Int64, source: String, context: RequestContext) async throws -> MCITable {
        let effective = from ?? LocalDate(year: year, month: 1, day: 1)
        return try await mutate(context: context, subject: { _ in "mci:\(effective?.description ?? String(year))" }) { tx, now in
            guard let effective, (2000...2100).contains(effective.year) else {
                throw Rejection.invalid(from == nil ? "year" : "effective_from", "a year 2000–2100 or the date the rate takes effect")
            }
            guard tenge > 0, tenge < 1_000_000 else { throw Rejection.invalid("tenge", "a positive amount in tenge") }
            let source = source.trimmingWhitespace
            guard !source.isEmpty else { throw Rejection.invalid("source", "name the budget law that set it") }
            try tx.setMCI(from: effective, tenge: tenge, source: source, by: context.principal.uri, at: now)
            return try tx.mciTable()
        }
    }

    public func mciTable(context: RequestContext) async throws -> MCITable {
        return try await store.read { try $0.mciTable() }
    }
}
