import Foundation
import GRDB
import RegistryStore
import Testing

/// Reads run on GRDB's reader connections, and a cancelled read stops inside SQLite (issue 12.3):
/// the server cancels a call's task at its deadline or on the client's Cancel frame.
@Suite("Store: reads stop when cancelled")
struct ReadCancellationTests {
    /// A statement that never ends on its own: only an interrupt stops it.
    static let endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"

    @Test func aCancelledReadIsInterruptedAndGivesItsConnectionBack() async throws {
        let fixture = try StoreFixture(readers: 1)
        let store = fixture.store
        let endless = Self.endless
        let slow = Task { try await store.read { try Int.fetchOne($0.db, sql: endless) } }
        try await Task.sleep(for: .milliseconds(100))
        slow.cancel()
        await #expect(throws: CancellationError.self) { try await slow.value }
        // The store's only reader is free again: the interrupted statement did not keep it.
        #expect(try await store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM district") } == 20)
    }

    @Test func aReadStartedAfterItsTaskWasCancelledDoesNotRun() async throws {
        let fixture = try StoreFixture(readers: 1)
        let store = fixture.store
        let ran = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await store.read { _ in true }
        }
        await #expect(throws: CancellationError.self) { try await ran.value }
    }
}
