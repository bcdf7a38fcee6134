import Enforcement
import Foundation
import GRDB
import Licensing
import Testing

@testable import RegistryStore

/// Outbox payloads carry free text from callers (rulings, names): whatever it holds, the
/// payload stays one valid JSON object with the text intact.
@Suite("Outbox payloads")
struct OutboxPayloadTests {
    @Test func freeTextWithQuotesBackslashesAndControlCharactersStaysValidJSON() async throws {
        let fixture = try StoreFixture()
        let text = "ruling \"5\" \\ line\nnext\ttab \u{01}\u{1F} end \u{2028} Қазақ 🇰🇿"
        try await fixture.store.write { tx in
            try tx.appendOutbox(
                eventType: "test", subject: "s", fields: ["text": .text(text), "count": 7, "a": "first"],
                at: Instant(millisecondsSinceEpoch: 1))
        }
        let payload = try #require(
            try await fixture.store.read { try String.fetchOne($0.db, sql: "SELECT payload FROM outbox WHERE event_type = 'test'") })
        #expect(payload.hasPrefix(#"{"a":"first","count":7,"text":"#))  // keys sorted
        // The escapes themselves, byte for byte: runs without them are copied whole.
        #expect(payload.contains(#"ruling \"5\" \\ line\nnext\ttab \u0001\u001f end \u2028 Қазақ 🇰🇿""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
        #expect(object["text"] as? String == text)
        #expect(object["count"] as? Int == 7)
    }

    @Test func aMoveEventFilledInBySQLHasTheBytesOfOneBuiltInSwift() throws {
        let tricky = "P-\"1\" \\ \n\u{01} \u{2028} Қазақ"
        let event = MoveEvent(
            "action.funds_move",
            [
                ("from", .fixed("2026-000001")), ("job", .fixed(7)), ("legal_basis", .fixed("123.6")), ("proceeding", .proceeding),
                ("receiver_iin", .receiverIIN), ("receiver_name", .receiverName), ("to", .receiverLicense),
                ("trigger", .fixed(.text(tricky))),
            ])
        let expected = OutboxPayload.json(sorted: [
            ("from", "2026-000001"), ("job", 7), ("legal_basis", "123.6"), ("proceeding", .text(tricky)),
            ("receiver_iin", "880101300123"), ("receiver_name", "Әлия \"Ш\""), ("to", "2026-000002"), ("trigger", .text(tricky)),
        ])
        func quoted(_ text: String) -> String {
            var literal = ""
            OutboxPayload.append(text, to: &literal)
            return literal
        }
        let payload = try DatabaseQueue().write { db in
            try db.execute(sql: "CREATE TABLE plan (number_json TEXT, receiver TEXT)")
            try db.execute(sql: "CREATE TABLE receiver (license TEXT, receiver_json TEXT, iin_json TEXT, name_json TEXT)")
            try db.execute(sql: "INSERT INTO plan VALUES (?, '2026-000002')", arguments: [quoted(tricky)])
            try db.execute(
                sql: "INSERT INTO receiver VALUES ('2026-000002', ?, ?, ?)",
                arguments: [quoted("2026-000002"), quoted("880101300123"), quoted("Әлия \"Ш\"")])
            let (sql, arguments) = event.payloadSQL()
            return try String.fetchOne(
                db, sql: "SELECT \(sql) FROM plan p JOIN receiver r ON r.license = p.receiver", arguments: StatementArguments(arguments))
        }
        #expect(payload == expected)
    }
}

/// Intake writes a proceeding's details as hand-built JSON; it must read back exactly.
@Suite("Proceeding records")
struct ProceedingRecordTests {
    @Test func aProceedingWithQuotesBackslashesAndControlCharactersReadsBackExactly() async throws {
        let fixture = try StoreFixture()
        let person = StoreFixture.person()
        let number = LicenseNumber("2026-000001")!
        let proceeding = EnforcementProceeding(
            number: "P-\"1\"",
            document: EnforcementDocument(
                kind: .courtWrit, reference: "SMAS \"2-1\" \\ 5/6\n", debtorKind: .legalEntity, subject: .collection, inFavourOfState: true),
            category: .stateRevenue,
            creditor: Party(kind: .legalEntity, name: "ТОО \"Кредит\"\t", identifier: "123456789012", contact: "a@b.kz"),
            debtor: Party(kind: .individual, name: "Должник \u{01}", identifier: "", contact: ""),
            debtorLocation: DebtorLocation(district: "almaty-city", unit: "Bostandyk"), amount: Tenge(tiyn: 15_000_050),
            openedOn: LocalDate("2026-02-01")!,
            district: "almaty-city", holder: .bailiff(license: number.value), advancePaid: Tenge(tiyn: 500_000),
            advanceUsed: Tenge(tiyn: 1_000), status: .open,
            lastMeasureOn: LocalDate("2026-02-10")
        )
        try await fixture.store.write { tx in
            try tx.insert(person, recordedBy: "test")
            try tx.insert(StoreFixture.license(number, holder: person))
            try tx.insert(proceeding, at: Instant(millisecondsSinceEpoch: 2))
        }
        #expect(try await fixture.store.read { try $0.proceeding("P-\"1\"") } == proceeding)
    }
}

/// The fast reading of a proceeding's details must agree with `JSONDecoder` on what intake writes.
@Suite("Proceeding details reading")
struct ProceedingDetailsReadingTests {
    @Test func theFastReadingOfWhatIntakeWritesEqualsTheDecodersReading() throws {
        let proceeding = EnforcementProceeding(
            number: "P-1",
            document: EnforcementDocument(
                kind: .courtOrder, reference: "2-\"7\"", debtorKind: .individual, subject: .collection, inFavourOfState: true),
            category: .sociallySignificant, creditor: Party(kind: .state, name: "ДГД", identifier: "1", contact: ""),
            debtor: Party(kind: .individual, name: "Должник", identifier: "", contact: "x"),
            debtorLocation: DebtorLocation(district: "astana", unit: ""),
            amount: Tenge(tiyn: 12_345), openedOn: LocalDate("2026-02-01")!, district: "astana",
            holder: .regionalChamber(district: "astana"),
            advancePaid: Tenge(tiyn: 5), advanceUsed: .zero, status: .open, lastMeasureOn: LocalDate("2026-02-03"),
            standingMeasureSince: LocalDate("2026-02-03"))
        let json = ProceedingDetails(proceeding).json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let fast = try #require(ProceedingDetails(object))
        let decoded = try ProceedingCoding.decoder.decode(ProceedingDetails.self, from: Data(json.utf8))
        #expect(fast.json == decoded.json)
        #expect(fast.standingMeasureSince == "2026-02-03" && fast.firstMeasureOn == nil && fast.document.inFavourOfState)
    }
}
