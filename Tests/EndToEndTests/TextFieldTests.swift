import Foundation
import GRDB
import RegistryClient
import RegistryStore
import RegistryWire
import Testing

/// Text that hides, reorders or cuts what a clerk reads is refused as it arrives, naming its
/// field, and nothing is stored (issue 12).
@Suite("End to end: text fields")
struct TextFieldTests {
    static func refusal(_ body: () async throws -> Void) async -> RPCError? {
        do {
            try await body()
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return nil
        }
    }

    @Test func aNameWithNULOrABidiOverrideIsRefusedNamingTheFieldAndNothingIsStored() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            let registryStub = RegistryStub(connection: ministry)
            let nul = await Self.refusal { _ = try await registryStub.registerPerson(Sample.person(5, surname: "Ахметов\u{0}Иванов")) }
            #expect(nul?.code == .invalidArgument)
            #expect(nul?.reason == "INVALID_TEXT")
            #expect(nul?.fieldViolations.map(\.field) == ["surname"])
            #expect(nul?.message == "surname: contains NUL (U+0000)")
            var fact = WirePersonFact()
            fact.kind = .conviction
            fact.from = "2001-01-01"
            fact.reference = "court \u{202E}gnp.exe"
            let bidi = await Self.refusal { _ = try await registryStub.registerPerson(Sample.person(5, facts: [fact])) }
            #expect(bidi?.fieldViolations.map(\.field) == ["facts[1].reference"])
            #expect(bidi?.message == "facts[1].reference: contains the bidirectional control U+202E")
            let bell = await Self.refusal { _ = try await registryStub.registerPerson(Sample.person(5, surname: "Ахметов\u{7}")) }
            #expect(bell?.message == "surname: contains the control character U+0007")
            let stored = try await registry.store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM person") }
            #expect(stored == 0)
            await ministry.close()
        }
    }

    @Test func aFieldIsMeasuredInBytesAndANameInScalarsSoCombiningMarksCannotInflateIt() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            let registryStub = RegistryStub(connection: ministry)
            // 200,000 combining acute accents on one letter: one character, 400,002 bytes.
            let huge = "А" + String(repeating: "\u{0301}", count: 200_000)
            let tooLong = await Self.refusal { _ = try await registryStub.registerPerson(Sample.person(6, surname: huge)) }
            #expect(tooLong?.code == .invalidArgument)
            #expect(tooLong?.message == "surname: longer than 16384 bytes of UTF-8 (400002)")
            // Under the byte limit, the name's own limit counts the marks.
            let marked = "А" + String(repeating: "\u{0301}", count: 150)
            let overName = await Self.refusal { _ = try await registryStub.registerPerson(Sample.person(6, surname: marked)) }
            #expect(overName?.reason == "INVALID_PERSON")
            #expect(overName?.fieldViolations.map(\.field) == ["surname"])
            // Tabs and line breaks in free text are text.
            var fact = WirePersonFact()
            fact.kind = .conviction
            fact.from = "2001-01-01"
            fact.to = "2003-01-01"
            fact.reference = "Court No. 2\nverdict 1-12/2001\tappeal dismissed"
            let person = try await registryStub.registerPerson(Sample.person(6, facts: [fact])).person
            #expect(person.facts.map(\.reference).contains("Court No. 2\nverdict 1-12/2001\tappeal dismissed"))
            await ministry.close()
        }
    }

    @Test func aRequestIDOrIdempotencyKeyMustBeShortPrintableText() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            let registryStub = RegistryStub(connection: ministry)
            let longKey = await Self.refusal {
                _ = try await registryStub.registerPerson(
                    Sample.person(7), options: CallOptions(idempotencyKey: String(repeating: "k", count: 129)))
            }
            #expect(longKey?.fieldViolations.map(\.field) == ["idempotency_key"])
            #expect(longKey?.message == "idempotency_key: longer than 128 bytes of UTF-8 (129)")
            let controlID = await Self.refusal {
                _ = try await registryStub.registerPerson(Sample.person(7), options: CallOptions(requestID: "req\u{1B}[31m"))
            }
            #expect(controlID?.message == "request_id: contains the control character U+001B")
            // A request id is quoted to operators and in logs: printable ASCII, no tab, no Cyrillic.
            for id in ["batch 7\tline 1", "запрос-7"] {
                let refused = await Self.refusal {
                    _ = try await registryStub.registerPerson(Sample.person(7), options: CallOptions(requestID: id))
                }
                #expect(refused?.fieldViolations.map(\.field) == ["request_id"])
                #expect(refused?.message.hasSuffix("a request id is printable ASCII") == true, "\(String(describing: refused))")
            }
            #expect(try await registry.store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM person") } == 0)
            _ = try await registryStub.registerPerson(
                Sample.person(7), options: CallOptions(idempotencyKey: String(repeating: "k", count: 128), requestID: "batch 7 line 1"))
            #expect(try await registry.store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM person") } == 1)
            await ministry.close()
        }
    }
}
