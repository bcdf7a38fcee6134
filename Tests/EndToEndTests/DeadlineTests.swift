import Dispatch
import Foundation
import GRDB
import Licensing
import RegistryClient
import RegistryService
import RegistryStore
import RegistryWire
import Testing

/// A mutation answered DEADLINE_EXCEEDED or CANCELLED was not applied (issue 12.3): the
/// connection and the mutation's commit agree, once, on which of the two happened.
@Suite("End to end: deadlines and the commit")
struct DeadlineTests {
    static func auditOutcomes(_ registry: TestRegistry, requestID: String) async throws -> [String] {
        try await registry.store.read { try $0.auditEntries() }.filter { $0.entry.requestID == requestID }.map(\.entry.outcome)
    }

    @Test func aMutationAnsweredDeadlineExceededWhileWaitingForTheDatabaseLeavesNothingStoredAndIsAuditedOnce() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            // Another writer holds the database, so the registration waits past its deadline.
            let blocker = try DatabaseQueue(path: registry.folder.appendingPathComponent("registry.sqlite").path)
            let held = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                try? blocker.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        held.signal()
                        release.wait()
                        return .rollback
                    }
                }
                held.signal()
            }
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    held.wait()
                    continuation.resume()
                }
            }
            var expired: RPCError?
            do {
                _ = try await RegistryStub(connection: ministry).registerPerson(
                    Sample.person(9), options: CallOptions(timeoutMilliseconds: 300, requestID: "r-late"))
            } catch let error as RPCError {
                expired = error
            }
            #expect(expired?.code == .deadlineExceeded)
            // The writer lets go: the registration gets the database after its caller was told it failed.
            release.signal()
            var outcomes: [String] = []
            for _ in 0..<100 where outcomes.isEmpty {
                try await Task.sleep(for: .milliseconds(50))
                outcomes = try await Self.auditOutcomes(registry, requestID: "r-late")
            }
            #expect(outcomes.count == 1)
            #expect(outcomes.first.map { $0.hasPrefix("DEADLINE_EXCEEDED") || $0.hasPrefix("CANCELLED") } == true, "\(outcomes)")
            let stored = try await registry.store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM person") }
            #expect(stored == 0)
            // The same request, in time, is stored once.
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(9))
            #expect(try await registry.store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM person") } == 1)
            await ministry.close()
        }
    }

    /// The commit's own check, on its own: a unit of work whose caller was already told it
    /// failed rolls back, the audit entry with it, even though its decision succeeded.
    @Test func aMutationWhoseCallWasAbandonedBeforeItsCommitRollsBackEverything() async throws {
        try await withRegistry { registry in
            let gate = CallGate()
            #expect(gate.abandon(.deadline))
            let context = RequestContext(
                principal: try Principal(uri: "spiffe://registry.bailiff.kz/role/ministry"), method: "Registry/RegisterPerson",
                requestID: "r-abandoned", payload: Data(), idempotencyKey: "k-1", gate: gate)
            let command = RegisterPersonCommand(
                iin: Sample.iin(11), surname: "Ахметов", givenName: "Ержан", patronymic: nil,
                residenceDistrict: "astana", education: .higherLegal, facts: [])
            await #expect(throws: CallGate.Abandoned.self) { _ = try await registry.core.registerPerson(command, context: context) }
            let (people, audited, keys) = try await registry.store.read { reader in
                (
                    try Int.fetchOne(reader.db, sql: "SELECT count(*) FROM person"), try reader.auditEntries().count,
                    try Int.fetchOne(reader.db, sql: "SELECT count(*) FROM idempotency_key")
                )
            }
            #expect(people == 0)
            #expect(audited == 0)
            #expect(keys == 0)
        }
    }
}
