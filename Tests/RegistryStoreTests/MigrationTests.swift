import Enforcement
import Licensing
import GRDB
import RegistryStore
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test func anEmptyFileMigratesToTheCurrentSchemaWithTheTwentyDistricts() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.appliedMigrations() == ["v1-skeleton"])
        let queue = try DatabaseQueue(path: fixture.path)
        let (districts, tables, journal, foreignKeys) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM district"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_key_check"))
        }
        #expect(districts == 20)
        #expect(tables.contains("license") && tables.contains("license_status_history") && tables.contains("audit_log"))
        #expect(journal == "wal")
        #expect(foreignKeys == nil)
    }

    @Test func reopeningAMigratedFileAppliesNothingTwice() throws {
        let fixture = try StoreFixture()
        let again = try RegistryStore(path: fixture.path)
        #expect(try again.appliedMigrations() == ["v1-skeleton"])
        #expect(try again.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM district") } == 20)
    }
}

@Suite("Shipped data")
struct ShippedDataTests {
    @Test func theShippedWorkingCalendarLoadsFromTheBuild() throws {
        let calendar = try ShippedData.workingCalendar()
        #expect(calendar.years == 2024...2027)
        #expect(try !calendar.isWorkingDay(LocalDate("2026-03-23")!))
    }
}
