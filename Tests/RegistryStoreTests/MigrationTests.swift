import Enforcement
import Foundation
import GRDB
import Licensing
import Testing

@testable import RegistryStore

@Suite("Migrations")
struct MigrationTests {
    /// Every migration, in order; a new one is appended here as well as in the migrator.
    static let all = [
        "v1-skeleton", "v2-license-decisions", "v3-proposals", "v4-lifecycle", "v5-proceedings", "v6-membership-insurance",
        "v7-training-monitors", "v8-inspections", "v9-penalties-dues", "v10-complaints", "v11-mci", "v12-legal-aid", "v13-penalty-appeals",
        "v14-candidates", "v15-transfer-rounds", "v16-legal-fidelity", "v17-staff-and-documents", "v18-narrow-proceedings",
    ]

    @Test func anEmptyFileMigratesToTheCurrentSchemaWithTheTwentyDistricts() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.appliedMigrations() == MigrationTests.all)
        let queue = try DatabaseQueue(path: fixture.path)
        let (districts, tables, journal, foreignKeys) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM district"),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_key_check")
            )
        }
        #expect(districts == 20)
        #expect(tables.contains("license") && tables.contains("license_status_history") && tables.contains("audit_log"))
        #expect(journal == "wal")
        #expect(foreignKeys == nil)
    }

    @Test func theDatabaseAndItsWALAreReadableByTheOwnerOnly() async throws {
        let fixture = try StoreFixture()
        try await fixture.store.write { try $0.db.execute(sql: "INSERT INTO mci_rate VALUES ('2030-01-01', 5000, 's', 'm', 1)") }
        for file in [fixture.path, fixture.path + "-wal", fixture.path + "-shm"] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
            #expect(mode & 0o777 == 0o600, "\(file)")
        }
        // A file left world-readable by an older version is narrowed when it is opened.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: fixture.path)
        _ = try RegistryStore(path: fixture.path)
        #expect((try FileManager.default.attributesOfItem(atPath: fixture.path)[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o600)
    }

    @Test func reopeningAMigratedFileAppliesNothingTwice() async throws {
        let fixture = try StoreFixture()
        let again = try RegistryStore(path: fixture.path)
        #expect(try again.appliedMigrations() == MigrationTests.all)
        #expect(try await again.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM district") } == 20)
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

@Suite("Migrations from the previous version")
struct UpgradeTests {
    /// A database file as an older release left it: migrated up to `version`, then filled by `fill`.
    static func legacyFile(upTo version: String, _ fill: @escaping @Sendable (Database) throws -> Void) async throws -> (URL, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("registry.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try RegistryMigrations.migrator.migrate(queue, upTo: version)
        try await queue.write(fill)
        try queue.close()
        return (folder, path)
    }

    @Test func aV1FileUpgradesKeepingItsHistory() async throws {
        let person = StoreFixture.person()
        let (folder, path) = try await Self.legacyFile(upTo: "v1-skeleton") { db in
            try db.execute(
                sql:
                    "INSERT INTO person (iin, surname, given_name, residence_district, education, registered_at_ms) VALUES (?, 'Ахметов', 'Ержан', 'almaty-city', 'higherLegal', 1)",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO license (number, holder_iin, holder_fold, district, issued_on, basis_kind, basis_reference, basis_evidence, status) VALUES ('2025-000001', ?, 'ахметов', 'almaty-city', '2025-01-15', 'exemption', 'judge', 'order', 'active')",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO license_status_history (license_number, status, decision_date, decided_at_ms, effective_date, legal_basis, actor, request_id) VALUES ('2025-000001', 'active', '2025-01-15', 1, '2025-01-15', '142.1', 'ministry', 'r1')"
            )
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RegistryStore(path: path)
        defer { try? store.close() }
        #expect(try store.appliedMigrations() == MigrationTests.all)
        let license = try #require(try store.license(LicenseNumber("2025-000001")!))
        #expect(license.history.map(\.status) == [.active])
        #expect(license.history.first?.termEnd == nil)
    }

    @Test func aV3FileUpgradesGivingEveryHistoryEntryItsKindAndStaysAppendOnly() async throws {
        let person = StoreFixture.person()
        let (folder, path) = try await Self.legacyFile(upTo: "v3-proposals") { db in
            try db.execute(
                sql:
                    "INSERT INTO person (iin, surname, given_name, residence_district, education, registered_at_ms) VALUES (?, 'Ахметов', 'Ержан', 'almaty-city', 'higherLegal', 1)",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO license (number, holder_iin, holder_fold, district, issued_on, basis_kind, basis_reference, basis_evidence, status) VALUES ('2025-000001', ?, 'ахметов', 'almaty-city', '2025-01-15', 'exemption', 'judge', 'order', 'terminated')",
                arguments: [person.iin.digits])
            let rows: [(String, String, String?)] = [
                ("active", "142.1", nil), ("suspended", "143.2.2", "s143_2_2"), ("active", "143.3", nil),
                ("suspended", "143.5", "sDeputy143_5"), ("active", "143.5", nil), ("terminated", "144.1.4", "t144_1_4"),
            ]
            for (status, basis, ground) in rows {
                try db.execute(
                    sql:
                        "INSERT INTO license_status_history (license_number, status, decision_date, decided_at_ms, effective_date, legal_basis, ground_code, actor, request_id) VALUES ('2025-000001', ?, '2025-01-15', 1, '2025-01-15', ?, ?, 'ministry', 'r')",
                    arguments: [status, basis, ground])
            }
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RegistryStore(path: path)
        defer { try? store.close() }
        let license = try #require(try store.license(LicenseNumber("2025-000001")!))
        #expect(
            license.history.map(\.kind) == [.issued, .suspended, .reinstated, .suspendedOnApplication, .resumedAfterMandate, .terminated])
        await #expect(throws: DatabaseError.self) {
            try await store.write { try $0.db.execute(sql: "UPDATE license_status_history SET kind = 'issued'") }
        }
    }

    @Test func aV6FileKeepsItsProposalsWhenTheTableIsRebuiltForDrafts() async throws {
        let person = StoreFixture.person()
        let (folder, path) = try await Self.legacyFile(upTo: "v6-membership-insurance") { db in
            try db.execute(
                sql:
                    "INSERT INTO person (iin, surname, given_name, residence_district, education, registered_at_ms) VALUES (?, 'Ахметов', 'Ержан', 'almaty-city', 'higherLegal', 1)",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO license (number, holder_iin, holder_fold, district, issued_on, basis_kind, basis_reference, basis_evidence, status) VALUES ('2025-000001', ?, 'ахметов', 'almaty-city', '2025-01-15', 'exemption', 'judge', 'order', 'active')",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO proposal (id, license_number, author, author_identity, ground, facts, submitted_at_ms, state) VALUES (7, '2025-000001', 'prosecutor', 'p', 'd144_2_2', 'fees', 5, 'pending')"
            )
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RegistryStore(path: path)
        defer { try? store.close() }
        let kept = try #require(try await store.read { try $0.proposal(7) })
        #expect(kept.state == .pending)
        #expect(kept.ground == .d144_2_2)
        await #expect(throws: DatabaseError.self) {
            try await store.write { try $0.db.execute(sql: "UPDATE proposal SET state = 'lost' WHERE id = 7") }
        }
    }

    @Test func aV14FileKeepsItsTransferItemsAndReplacementItemsAndRecordsItsLongAbsences() async throws {
        let person = StoreFixture.person()
        let (folder, path) = try await Self.legacyFile(upTo: "v14-candidates") { db in
            try db.execute(
                sql:
                    "INSERT INTO person (iin, surname, given_name, residence_district, education, registered_at_ms) VALUES (?, 'Ахметов', 'Ержан', 'almaty-city', 'higherLegal', 1)",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO license (number, holder_iin, holder_fold, district, issued_on, basis_kind, basis_reference, basis_evidence, status) VALUES ('2025-000001', ?, 'ахметов', 'almaty-city', '2025-01-15', 'exemption', 'judge', 'order', 'active')",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO proceeding (number, district, holder_license, category, status, opened_on, details, imported_at_ms) VALUES ('P-1', 'almaty-city', NULL, 'other', 'open', '2026-01-01', '{}', 1)"
            )
            try db.execute(
                sql: """
                    INSERT INTO transfer_job (id, license_number, trigger, trigger_reference, district, seed, policy, state, total, stranded, created_at_ms)
                    VALUES (1, '2025-000001', 'longAbsence', 'order 5: illness, from 2026-05-04', 'almaty-city', 1, '{"version":"least-loaded/1","categoryWeights":[]}', 'blocked', 1, 1, 1)
                    """)
            try db.execute(sql: "INSERT INTO transfer_item (job_id, proceeding_number, position, state) VALUES (1, 'P-1', 0, 'stranded')")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RegistryStore(path: path)
        defer { try? store.close() }
        let item = try #require(try await store.read { try $0.transferItem(of: "P-1") })
        #expect(item.state == "stranded")
        #expect(item.note == "noReceiver")  // so the blocked job can resume when a receiver appears
        #expect(try await store.read { try $0.resumableBlockedJobs() }.map(\.id) == [1])
        // The absence recorded before v15 became a status: absent from its first day, until a return is recorded.
        let absence = try #require(try await store.read { try $0.longAbsences(of: "2025-000001") }.first)
        #expect(absence.from == LocalDate("2026-05-04"))
        #expect(absence.covers(LocalDate("2026-12-01")!))
    }

    @Test func aV15FileKeepsItsPersonFactsAsEntriesRecordedAtRegistrationAndAppendOnly() async throws {
        let person = StoreFixture.person()
        let (folder, path) = try await Self.legacyFile(upTo: "v15-transfer-rounds") { db in
            try db.execute(
                sql:
                    "INSERT INTO person (iin, surname, given_name, residence_district, education, registered_at_ms) VALUES (?, 'Ахметов', 'Ержан', 'almaty-city', 'higherLegal', 1700000000000)",
                arguments: [person.iin.digits])
            try db.execute(
                sql: "INSERT INTO person_fact (iin, kind, from_date, to_date) VALUES (?, 'conviction', '2010-01-10', '2015-01-10')",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO license (number, holder_iin, holder_fold, district, issued_on, basis_kind, basis_reference, basis_evidence, status) VALUES ('2025-000001', ?, 'ахметов', 'almaty-city', '2025-01-15', 'exemption', 'judge', 'order', 'active')",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO membership (license_number, district, admitted_on, admission_decision, status) VALUES ('2025-000001', 'shymkent', '2025-02-01', 'RC 3', 'active')"
            )
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RegistryStore(path: path)
        defer { try? store.close() }
        let history = try await store.read { try $0.factHistory(person.iin) }
        #expect(history.entries.count == 1)
        #expect(history.entries[0].change == .records)
        #expect(history.entries[0].recordedAt.millisecondsSinceEpoch == 1_700_000_000_000)
        #expect(history.facts.map(\.fact.to) == [LocalDate("2015-01-10")])
        // The Chamber's placement is his district from v16 on (142.4, 163-1.1.3-2).
        let number = LicenseNumber("2025-000001")!
        #expect(try await store.read { try $0.placement(of: number, on: LocalDate("2025-03-01")!) } == "shymkent")
        #expect(try await store.read { try $0.placement(of: number, on: LocalDate("2025-01-20")!) } == nil)
        #expect(try await store.read { try $0.license(number)?.district } == "shymkent")
        await #expect(throws: (any Error).self) {
            try await store.write { try $0.db.execute(sql: "UPDATE person_fact SET to_date = NULL") }
        }
        await #expect(throws: (any Error).self) { try await store.write { try $0.db.execute(sql: "DELETE FROM person_fact") } }
    }

    @Test func aV16FileKeepsTheMinistrysYearlyMCIAsRatesFromTheFirstOfJanuary_146_2_1() async throws {
        let (folder, path) = try await Self.legacyFile(upTo: "v16-legal-fidelity") { db in
            try db.execute(
                sql: "INSERT INTO mci (year, tenge, source, set_by, set_at_ms) VALUES (2027, 4500, 'budget law 2027', 'ministry', 1)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RegistryStore(path: path)
        defer { try? store.close() }
        let table = try await store.read { try $0.mciTable() }
        #expect(table.rate(on: LocalDate("2027-01-01")!)?.tenge == 4500)
        #expect(table.rate(on: LocalDate("2026-12-31")!)?.tenge == 4325)
    }

    @Test func aV17FileKeepsEveryProceedingsDetailsInTheirOwnTable() async throws {
        let person = StoreFixture.person()
        let details =
            #"{"advancePaidTiyn":500,"advanceUsedTiyn":100,"amountTiyn":15000000,"creditor":{"contact":"","identifier":"1","kind":"legalEntity","name":"ТОО \"Кредит\""},"debtor":{"contact":"","identifier":"","kind":"individual","name":"Должник"},"debtorLocation":{"district":"almaty-city","unit":""},"document":{"debtorKind":"individual","inFavourOfState":false,"kind":"courtWrit","reference":"2-1/2026","subject":"collection"}}"#
        let (folder, path) = try await Self.legacyFile(upTo: "v17-staff-and-documents") { db in
            try db.execute(
                sql:
                    "INSERT INTO person (iin, surname, given_name, residence_district, education, registered_at_ms) VALUES (?, 'Ахметов', 'Ержан', 'almaty-city', 'higherLegal', 1)",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO license (number, holder_iin, holder_fold, district, issued_on, basis_kind, basis_reference, basis_evidence, status) VALUES ('2025-000001', ?, 'ахметов', 'almaty-city', '2025-01-15', 'exemption', 'judge', 'order', 'active')",
                arguments: [person.iin.digits])
            try db.execute(
                sql:
                    "INSERT INTO proceeding (number, district, holder_license, category, status, opened_on, details, imported_at_ms) VALUES ('P-1', 'almaty-city', '2025-000001', 'other', 'open', '2026-01-01', ?, 1)",
                arguments: [details])
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RegistryStore(path: path)
        defer { try? store.close() }
        let proceeding = try #require(try await store.read { try $0.proceeding("P-1") })
        #expect(proceeding.creditor.name == "ТОО \"Кредит\"")
        #expect(proceeding.amount == Tenge(tiyn: 15_000_000))
        #expect(proceeding.advancePaid == Tenge(tiyn: 500))
        #expect(proceeding.holder == .bailiff(license: "2025-000001"))
        #expect(
            try await store.read { try String.fetchOne($0.db, sql: "SELECT details FROM proceeding_details WHERE number = 'P-1'") }
                == details)
    }
}
