import Foundation
import GRDB
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// Reads leave the event loop (issue 12.3): a slow read never holds up another call, even on its
/// own connection, and a read past its deadline is answered DEADLINE_EXCEEDED and stopped.
@Suite("End to end: slow reads")
struct ReadIsolationTests {
    /// Proceedings enough that a filter no index serves scans for a noticeable time.
    static func fill(_ registry: TestRegistry, proceedings count: Int) throws {
        let writer = try DatabaseQueue(path: registry.folder.appendingPathComponent("registry.sqlite").path)
        try writer.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?)
                    INSERT INTO proceeding (number, district, holder_license, category, status, opened_on, imported_at_ms)
                    SELECT printf('P-%07d', x), 'astana', NULL, 'other', 'open', '2026-01-05', 0 FROM n
                    """, arguments: [count])
            try db.execute(sql: "INSERT INTO proceeding_details (number, details) SELECT number, '{}' FROM proceeding")
        }
        try writer.close()
    }

    /// Matches none of the filled proceedings, so the read scans them all.
    static let slowListing = WireListProceedingsRequest.with { $0.category = "stateRevenue" }

    @Test func aReadPastItsDeadlineIsAnsweredDeadlineExceeded() async throws {
        try await withRegistry { registry in
            try Self.fill(registry, proceedings: 1_000_000)
            let ministry = try await registry.connect()
            var refused: RPCError?
            do {
                _ = try await ProceedingsStub(connection: ministry).listProceedings(
                    Self.slowListing, options: CallOptions(timeoutMilliseconds: 1))
            } catch let error as RPCError {
                refused = error
            }
            #expect(refused?.code == .deadlineExceeded)
            // The connection serves the next call.
            let listed = try await ProceedingsStub(connection: ministry).listProceedings(Self.slowListing)
            #expect(listed.proceedings.isEmpty)
            await ministry.close()
        }
    }

    @Test func aSlowReadDoesNotDelayACallSentAfterItOnTheSameConnection() async throws {
        try await withRegistry { registry in
            try Self.fill(registry, proceedings: 1_000_000)
            let ministry = try await registry.connect()
            let order = Order()
            let slow = Task {
                _ = try await ProceedingsStub(connection: ministry).listProceedings(Self.slowListing)
                await order.append("slow")
            }
            try await Task.sleep(for: .milliseconds(5))
            _ = try await HealthStub(connection: ministry).check(WireHealthCheckRequest())
            await order.append("health")
            try await slow.value
            #expect(await order.names == ["health", "slow"])
            await ministry.close()
        }
    }
}

/// Completion order, as the test saw it.
actor Order {
    private(set) var names: [String] = []
    func append(_ name: String) { names.append(name) }
}
