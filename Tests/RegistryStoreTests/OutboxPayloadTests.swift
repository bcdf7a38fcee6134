import Enforcement
import Foundation
import GRDB
import RegistryStore
import Testing

/// Outbox payloads carry free text from callers (rulings, names): whatever it holds, the
/// payload stays one valid JSON object with the text intact.
@Suite("Outbox payloads")
struct OutboxPayloadTests {
    @Test func freeTextWithQuotesBackslashesAndControlCharactersStaysValidJSON() async throws {
        let fixture = try StoreFixture()
        let text = "ruling \"5\" \\ line\nnext\ttab \u{01}\u{1F} end \u{2028} Қазақ 🇰🇿"
        try await fixture.store.write { tx in
            try tx.appendOutbox(eventType: "test", subject: "s", fields: ["text": .text(text), "count": 7, "a": "first"], at: Instant(millisecondsSinceEpoch: 1))
        }
        let payload = try #require(try fixture.store.read { try String.fetchOne($0.db, sql: "SELECT payload FROM outbox WHERE event_type = 'test'") })
        #expect(payload.hasPrefix(#"{"a":"first","count":7,"text":"#)) // keys sorted
        let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
        #expect(object["text"] as? String == text)
        #expect(object["count"] as? Int == 7)
    }
}
