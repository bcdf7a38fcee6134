import Enforcement
import GRDB
import RegistryStore
import Testing

@Suite("Audit hash chain")
struct AuditChainTests {
    func fill(_ fixture: StoreFixture, _ count: Int) async throws {
        try await fixture.store.write { tx in
            for n in 1...count { try tx.appendAudit(StoreFixture.entry(n)) }
        }
    }

    @Test func anUntouchedChainVerifies() async throws {
        let fixture = try StoreFixture()
        try await fill(fixture, 5)
        let report = try AuditVerifier.verify(databasePath: fixture.path)
        #expect(report.entries == 5)
        #expect(report.firstBreak == nil)
    }

    @Test func theAuditLogRefusesUpdatesAndDeletes() async throws {
        let fixture = try StoreFixture()
        try await fill(fixture, 2)
        await #expect(throws: DatabaseError.self) {
            try await fixture.store.write { try $0.db.execute(sql: "UPDATE audit_log SET outcome = 'x'") }
        }
        await #expect(throws: DatabaseError.self) {
            try await fixture.store.write { try $0.db.execute(sql: "DELETE FROM audit_log WHERE seq = 1") }
        }
    }

    @Test func editingOneEntryBreaksTheChainAtThatEntry() async throws {
        let fixture = try StoreFixture()
        try await fill(fixture, 5)
        // An attacker with the file: drop the guard, rewrite entry 3.
        try await fixture.store.write { tx in
            try tx.db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try tx.db.execute(sql: "UPDATE audit_log SET outcome = 'PERMISSION_DENIED' WHERE seq = 3")
        }
        let report = try AuditVerifier.verify(databasePath: fixture.path)
        #expect(report.firstBreak?.seq == 3)
    }

    @Test func removingAnEntryBreaksTheChainWhereItWas() async throws {
        let fixture = try StoreFixture()
        try await fill(fixture, 5)
        try await fixture.store.write { tx in
            try tx.db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try tx.db.execute(sql: "DELETE FROM audit_log WHERE seq = 2")
        }
        #expect(try AuditVerifier.verify(databasePath: fixture.path).firstBreak?.seq == 3)
    }

    @Test func rehashingAnEditedEntryStillBreaksTheNextLink() async throws {
        let fixture = try StoreFixture()
        try await fill(fixture, 4)
        let entries = try await fixture.store.read { try $0.auditEntries() }
        let forged = AuditEntry(
            at: entries[1].entry.at, principal: "spiffe://registry.bailiff.kz/role/auditor", method: entries[1].entry.method,
            requestID: entries[1].entry.requestID, requestDigest: entries[1].entry.requestDigest, outcome: "OK", subject: "")
        let hash = AuditChain.hash(seq: 2, entry: forged, previousHash: entries[0].hash)
        try await fixture.store.write { tx in
            try tx.db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try tx.db.execute(
                sql: "UPDATE audit_log SET principal = ?, subject = '', hash = ? WHERE seq = 2", arguments: [forged.principal, hash])
        }
        #expect(try AuditVerifier.verify(databasePath: fixture.path).firstBreak?.seq == 3)
    }
}
