import Crypto
import Enforcement
import Foundation
import GRDB
import RegistryStore
import Testing

/// Signed checkpoints of the audit chain catch what the chain alone cannot (issue 12.6): a tail
/// cut off, a suffix rebuilt with recomputed hashes, entries appended while registryd was
/// stopped, and a checkpoint signed by someone else, and tell them apart.
@Suite("Audit checkpoints")
struct AuditCheckpointTests {
    static let key = Curve25519.Signing.PrivateKey()

    /// A store whose chain has `count` entries, with a checkpointer writing into its folder.
    static func fixture(_ count: Int) async throws -> (StoreFixture, AuditCheckpointer) {
        let fixture = try StoreFixture()
        try await append(fixture, 1...count)
        let checkpointer = try AuditCheckpointer(
            store: fixture.store, key: key, file: fixture.folder.appendingPathComponent("audit-checkpoints.log"))
        return (fixture, checkpointer)
    }

    static func append(_ fixture: StoreFixture, _ numbers: ClosedRange<Int>) async throws {
        try await fixture.store.write { tx in
            for n in numbers { try tx.appendAudit(StoreFixture.entry(n)) }
        }
    }

    static func check(_ fixture: StoreFixture, _ checkpointer: AuditCheckpointer, key: Curve25519.Signing.PublicKey = key.publicKey) throws
        -> AuditCheckpointCheck.Report
    {
        let checkpoints = try AuditCheckpoint.parseAll(try String(contentsOf: checkpointer.file, encoding: .utf8))
        return AuditCheckpointCheck.check(
            entries: try AuditVerifier.entries(databasePath: fixture.path), checkpoints: checkpoints, trustedKey: key)
    }

    /// The attacker with the file: triggers off, then anything.
    static func tamper(_ fixture: StoreFixture, _ sql: String...) async throws {
        try await fixture.store.write { tx in
            try tx.db.execute(sql: "DROP TRIGGER IF EXISTS audit_log_no_update")
            try tx.db.execute(sql: "DROP TRIGGER IF EXISTS audit_log_no_delete")
            for statement in sql { try tx.db.execute(sql: statement) }
        }
    }

    @Test func aCheckpointIsSignedTextThatParsesBackAndVerifiesOnlyWithItsKey() async throws {
        let (fixture, checkpointer) = try await Self.fixture(3)
        let signed = try #require(try await checkpointer.checkpoint(.periodic, at: Instant(millisecondsSinceEpoch: 1_000)))
        #expect(signed.size == 3)
        #expect(signed.text.hasPrefix("registryd audit checkpoint v1\nkind periodic\nsize 3\nhead "))
        let parsed = try AuditCheckpoint.parseAll(try String(contentsOf: checkpointer.file, encoding: .utf8))
        #expect(parsed == [signed])
        #expect(signed.verifies(with: Self.key.publicKey))
        #expect(!signed.verifies(with: Curve25519.Signing.PrivateKey().publicKey))
        // Nothing new: a periodic checkpoint is not repeated; the outbox carries the one signed.
        let again = try await checkpointer.checkpoint(.periodic, at: Instant(millisecondsSinceEpoch: 2_000))
        #expect(again == nil)
        let events = try await fixture.store.read {
            try Int.fetchOne($0.db, sql: "SELECT count(*) FROM outbox WHERE event_type = 'audit.checkpoint'")
        }
        #expect(events == 1)
        #expect(try Self.check(fixture, checkpointer).finding == nil)
    }

    @Test func anUntouchedLogWithEntriesSinceTheLastCheckpointIsIntact() async throws {
        let (fixture, checkpointer) = try await Self.fixture(3)
        try await checkpointer.checkpoint(.startup, at: Instant(millisecondsSinceEpoch: 1))
        try await Self.append(fixture, 4...6)
        let report = try Self.check(fixture, checkpointer)
        #expect(report.finding == nil)
        #expect(report.entries == 6)
        #expect(report.covered == 3)
    }

    @Test func aDeletedTailIsFoundAsTruncated() async throws {
        let (fixture, checkpointer) = try await Self.fixture(5)
        try await checkpointer.checkpoint(.periodic, at: Instant(millisecondsSinceEpoch: 1))
        try await Self.tamper(fixture, "DELETE FROM audit_log WHERE seq >= 4")
        let finding = try Self.check(fixture, checkpointer).finding
        #expect(finding == .truncated(logSize: 3, signedSize: 5, signedAt: Instant(millisecondsSinceEpoch: 1)))
        #expect(finding?.description.hasPrefix("TRUNCATED: the log ends at entry 3") == true)
    }

    @Test func aSuffixRebuiltWithRecomputedHashesIsFoundAsRewrittenAfterTheLastAgreeingCheckpoint() async throws {
        let (fixture, checkpointer) = try await Self.fixture(3)
        try await checkpointer.checkpoint(.periodic, at: Instant(millisecondsSinceEpoch: 1))
        try await Self.append(fixture, 4...6)
        try await checkpointer.checkpoint(.periodic, at: Instant(millisecondsSinceEpoch: 2))
        // Entries 5 and 6 replaced by other ones whose hashes continue the chain: it verifies on its own.
        try await Self.tamper(fixture, "DELETE FROM audit_log WHERE seq >= 5")
        let original = StoreFixture.entry(5)
        let forged = AuditEntry(
            at: original.at, principal: original.principal, method: original.method, requestID: original.requestID,
            requestDigest: original.requestDigest, outcome: "PERMISSION_DENIED", subject: original.subject)
        try await fixture.store.write { tx in
            try tx.appendAudit(forged)
            try tx.appendAudit(StoreFixture.entry(6))
        }
        #expect(AuditChain.verify(try AuditVerifier.entries(databasePath: fixture.path)).firstBreak == nil)
        let finding = try Self.check(fixture, checkpointer).finding
        #expect(finding == .rewritten(agreesUpTo: 3, signedSize: 6, signedAt: Instant(millisecondsSinceEpoch: 2)))
    }

    @Test func entriesAppendedAfterTheShutdownCheckpointAreAForgedAppendEvenOnceRegistrydSignsThemAtStartup() async throws {
        let (fixture, checkpointer) = try await Self.fixture(4)
        try await checkpointer.checkpoint(.shutdown, at: Instant(millisecondsSinceEpoch: 10))
        // registryd is stopped; someone appends an entry that continues the chain.
        try await Self.append(fixture, 5...5)
        let stopped = try Self.check(fixture, checkpointer).finding
        #expect(stopped == .appendedWhileStopped(from: 5, to: 5, after: Instant(millisecondsSinceEpoch: 10)))
        // registryd starts again and signs what it finds: the append is still told apart.
        let restarted = try AuditCheckpointer(store: fixture.store, key: Self.key, file: checkpointer.file)
        try await restarted.checkpoint(.startup, at: Instant(millisecondsSinceEpoch: 20))
        #expect(try Self.check(fixture, restarted).finding == stopped)
    }

    @Test func entriesWrittenBeforeACrashAreNotAForgery() async throws {
        let (fixture, checkpointer) = try await Self.fixture(2)
        try await checkpointer.checkpoint(.periodic, at: Instant(millisecondsSinceEpoch: 1))
        try await Self.append(fixture, 3...4)
        // No shutdown checkpoint (killed), then a restart.
        let restarted = try AuditCheckpointer(store: fixture.store, key: Self.key, file: checkpointer.file)
        try await restarted.checkpoint(.startup, at: Instant(millisecondsSinceEpoch: 5))
        #expect(try Self.check(fixture, restarted).finding == nil)
    }

    @Test func aCheckpointSignedWithAnotherKeyIsRejectedAsForged() async throws {
        let (fixture, _) = try await Self.fixture(2)
        let impostor = try AuditCheckpointer(
            store: fixture.store, key: Curve25519.Signing.PrivateKey(),
            file: fixture.folder.appendingPathComponent("audit-checkpoints.log"))
        try await impostor.checkpoint(.periodic, at: Instant(millisecondsSinceEpoch: 1))
        #expect(try Self.check(fixture, impostor).finding == .badSignature(checkpoint: 1))
    }

    @Test func aMalformedCheckpointFileIsRefusedNamingTheCheckpoint() {
        #expect(throws: AuditCheckpoint.Malformed.self) {
            try AuditCheckpoint.parseAll("registryd audit checkpoint v1\nkind periodic\nsize x\n")
        }
    }
}
