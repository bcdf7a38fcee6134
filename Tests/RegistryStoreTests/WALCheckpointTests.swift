import Enforcement
import Foundation
import GRDB
import Testing

@testable import RegistryStore

/// The write-ahead log is copied back into the database file by a checkpointer of its own,
/// so a decision's commit never waits for it, and nothing written is lost on the way.
@Suite("WAL checkpoints")
struct WALCheckpointTests {
    @Test func aCommitPastTheThresholdStartsACheckpointThatPutsEveryRowInTheMainFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("registry.sqlite").path
        let store = try RegistryStore(path: path, checkpointAfter: 64 << 10)
        defer { try? store.close() }
        store.checkpointer.drain()
        let before = store.checkpointer.counts.completed
        let payload = String(repeating: "x", count: 1_000)
        try await store.write { tx in
            for index in 0..<500 {
                try tx.appendOutbox(eventType: "test", subject: "s\(index)", payload: payload, at: Instant(millisecondsSinceEpoch: 1))
            }
        }
        store.checkpointer.drain()
        #expect(store.checkpointer.counts == .init(completed: before + 1, failed: 0))
        // The main file alone, without its log, now holds every row.
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let queue = try DatabaseQueue(path: copy)
        let rows = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE event_type = 'test'") }
        #expect(rows == 500)
    }

    @Test func aSmallCommitStartsNoCheckpoint() async throws {
        let fixture = try StoreFixture()
        fixture.store.checkpointer.drain()
        let before = fixture.store.checkpointer.counts
        try await fixture.store.write { tx in
            try tx.appendOutbox(eventType: "test", subject: "s", payload: "{}", at: Instant(millisecondsSinceEpoch: 1))
        }
        fixture.store.checkpointer.drain()
        #expect(fixture.store.checkpointer.counts == before)
    }
}
