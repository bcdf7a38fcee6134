import Enforcement
import GRDB

extension StoreQueries {
    /// The MCI table in force: the shipped rates, with the Ministry's over them.
    public func mciTable() throws -> MCITable {
        guard var table = ShippedData.cachedMCI else { throw StoreCorruption("the shipped MCI table is missing from the build") }
        for row in try Row.fetchAll(db, sql: "SELECT effective_from, tenge FROM mci_rate ORDER BY effective_from") {
            guard let from = LocalDate(row["effective_from"] as String) else { throw StoreCorruption("mci_rate holds a malformed date") }
            table.set(.init(from: from, tenge: row["tenge"]))
        }
        return table
    }
}

extension StoreTransaction {
    /// A rate in force from `from`; a second rate for the same day replaces the first.
    public func setMCI(from: LocalDate, tenge: Int64, source: String, by principal: String, at now: Instant) throws {
        try db.execute(
            sql: """
                INSERT INTO mci_rate (effective_from, tenge, source, set_by, set_at_ms) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(effective_from) DO UPDATE SET tenge = excluded.tenge, source = excluded.source, set_by = excluded.set_by, set_at_ms = excluded.set_at_ms
                """, arguments: [from.description, tenge, source, principal, now.millisecondsSinceEpoch])
    }
}
