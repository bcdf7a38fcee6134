import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// The Ministry sets a year's MCI from its budget law (the thresholds of 138.1(4), 146.2-1).
    public func setMCI(year: Int, tenge: Int64, source: String, context: RequestContext) async throws -> MCITable {
        try await mutate(.setMCI, context: context, subject: { _ in "mci:\(year)" }) { tx, now in
            guard (2000...2100).contains(year) else { throw Rejection.invalid("year", "2000–2100") }
            guard tenge > 0, tenge < 1_000_000 else { throw Rejection.invalid("tenge", "a positive amount in tenge") }
            let source = source.trimmingWhitespace
            guard !source.isEmpty else { throw Rejection.invalid("source", "name the budget law that set it") }
            try tx.setMCI(year: year, tenge: tenge, source: source, by: context.principal.uri, at: now)
            return try tx.mciTable()
        }
    }

    public func mciTable(context: RequestContext) async throws -> MCITable {
        try await authorize(.getMCITable, context)
        return try store.read { try $0.mciTable() }
    }
}
