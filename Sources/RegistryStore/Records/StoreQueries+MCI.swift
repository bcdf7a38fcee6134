import Enforcement
import GRDB

extension StoreQueries {
    /// The MCI table in force: the shipped values, with the Ministry's over them.
    public func mciTable() throws -> MCITable {
        guard var table = ShippedData.cachedMCI else { throw StoreCorruption("the shipped MCI table is missing from the build") }
        for row in try Row.fetchAll(db, sql: "SELECT year, tenge FROM mci") {
            table.tengeByYear[row["year"]] = row["tenge"]
        }
        return table
    }
}

extension StoreTransaction {
    public func setMCI(year: Int, tenge: Int64, source: String, by principal: String, at now: Instant) throws {
        try db.execute(sql: """
            INSERT INTO mci (year, tenge, source, set_by, set_at_ms) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(year) DO UPDATE SET tenge = excluded.tenge, source = excluded.source, set_by = excluded.set_by, set_at_ms = excluded.set_at_ms
            """, arguments: [year, tenge, source, principal, now.millisecondsSinceEpoch])
    }
}
