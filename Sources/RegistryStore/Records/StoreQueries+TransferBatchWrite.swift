import Enforcement
import GRDB

/// One planned outcome of a transfer batch.
public struct PlannedTransferItem: Sendable {
    /// The receiving bailiff, as the move's events name him.
    public struct Receiver: Sendable {
        public let license: String
        public let iin: String
        public let name: String

        public init(license: String, iin: String, name: String) {
            self.license = license
            self.iin = iin
            self.name = name
        }
    }

    public let number: String
    /// nil when the item stays with the regional chamber (stranded).
    public let receiver: Receiver?
    public let note: String?

    public init(number: String, receiver: Receiver?, note: String?) {
        self.number = number
        self.receiver = receiver
        self.note = note
    }
}

/// An outbox event that every move of a batch writes, with the move's own values left as
/// slots the store fills in SQL: a batch of 5,000 moves writes 20,000 events, and building
/// each payload in Swift and handing them over as one JSON array was a third of its time.
public struct MoveEvent: Sendable {
    public enum Value: Sendable {
        case fixed(OutboxValue)
        case proceeding, receiverLicense, receiverIIN, receiverName
    }

    public struct Field: Sendable {
        public let key: String
        public let value: Value
    }

    public let eventType: String
    /// In key order, as every outbox payload is written.
    public let fields: [Field]

    public init(_ eventType: String, _ fields: [(key: String, value: Value)]) {
        assert(zip(fields, fields.dropFirst()).allSatisfy { $0.key < $1.key }, "outbox keys must be sorted")
        self.eventType = eventType
        self.fields = fields.map { Field(key: $0.key, value: $0.value) }
    }

    /// The payload as an SQL expression over the plan's columns (`p`, and `r` for its receiver), with its fixed
    /// parts as arguments; the bytes equal `OutboxPayload.json(sorted:)` of the same fields.
    func payloadSQL() -> (sql: String, arguments: [String]) {
        var parts: [String] = []
        var arguments: [String] = []
        var literal = "{"
        func slot(_ column: String) {
            parts.append("?")
            arguments.append(literal)
            parts.append(column)
            literal = ""
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { literal += "," }
            OutboxPayload.append(field.key, to: &literal)
            literal += ":"
            switch field.value {
            case .fixed(.text(let text)): OutboxPayload.append(text, to: &literal)
            case .fixed(.number(let number)): literal += String(number)
            case .proceeding: slot("p.number_json")
            case .receiverLicense: slot("r.receiver_json")
            case .receiverIIN: slot("r.iin_json")
            case .receiverName: slot("r.name_json")
            }
        }
        parts.append("?")
        arguments.append(literal + "}")
        return (parts.joined(separator: " || "), arguments)
    }
}

extension StoreTransaction {
    /// Writes a transfer batch (issue 11): every move, assignment, item mark and outbox event in
    /// a handful of set statements over a keyed plan, instead of six statements per proceeding.
    /// Rows keep the order the items are given in, each move's events in `events` order. Any
    /// mismatch (a proceeding no longer with the chamber, an item already placed) throws; the
    /// caller then writes the batch item by item, each in its own savepoint, to set the bad one aside.
    public func applyTransferBatch(
        job: Int64, district: String, round: Int, items: [PlannedTransferItem], events: [MoveEvent], at now: Instant
    ) throws {
        guard !items.isEmpty else { return }
        // Keyed temporary tables: joined straight to json_each, SQLite scanned the array once per
        // row. The receivers (a few dozen) are a table of their own, so a plan row carries five values.
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS transfer_plan (
                    number TEXT PRIMARY KEY, position INTEGER NOT NULL, receiver TEXT, note TEXT, number_json TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TEMP TABLE IF NOT EXISTS transfer_receiver (
                    license TEXT PRIMARY KEY, holder TEXT NOT NULL, receiver_json TEXT NOT NULL, iin_json TEXT NOT NULL, name_json TEXT NOT NULL
                ) WITHOUT ROWID;
                DELETE FROM temp.transfer_plan;
                DELETE FROM temp.transfer_receiver;
                """)
        func json(_ text: String) -> String {
            var literal = ""
            OutboxPayload.append(text, to: &literal)
            return literal
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO temp.transfer_plan VALUES (?, ?, ?, ?, ?)")
        let insertReceiver = try db.cachedStatement(sql: "INSERT OR IGNORE INTO temp.transfer_receiver VALUES (?, ?, ?, ?, ?)")
        var receivers: Set<String> = []
        var moved = 0
        for (position, item) in items.enumerated() {
            if let receiver = item.receiver {
                moved += 1
                if receivers.insert(receiver.license).inserted {
                    try insertReceiver.execute(arguments: [
                        receiver.license, EnforcementProceeding.Holder.bailiff(license: receiver.license).description,
                        json(receiver.license), json(receiver.iin), json(receiver.name),
                    ])
                }
            }
            try insert.execute(arguments: [item.number, position, item.receiver?.license, item.note, json(item.number)])
        }
        // Driven by the plan (IN …): an UPDATE … FROM drove by the district's or the job's index instead.
        if moved > 0 {
            try db.execute(
                sql: """
                    UPDATE proceeding SET holder_license = (SELECT receiver FROM temp.transfer_plan p WHERE p.number = proceeding.number)
                    WHERE number IN (SELECT number FROM temp.transfer_plan WHERE receiver IS NOT NULL)
                      AND status = 'open' AND holder_license IS NULL AND district = ?
                    """, arguments: [district])
            guard db.changesCount == moved else {
                throw StoreCorruption(
                    "\(moved - db.changesCount) proceeding(s) of the batch are no longer with the regional chamber of \(district)")
            }
        }
        try db.execute(
            sql: """
                INSERT INTO proceeding_assignment (proceeding_number, holder, reason, job_id, at_ms, explanation)
                SELECT p.number, coalesce(r.holder, ?), CASE WHEN p.receiver IS NULL THEN 'noReceiver' ELSE 'reassignment' END, ?, ?, NULL
                FROM temp.transfer_plan p LEFT JOIN temp.transfer_receiver r ON r.license = p.receiver ORDER BY p.position
                """,
            arguments: [EnforcementProceeding.Holder.regionalChamber(district: district).description, job, now.millisecondsSinceEpoch])
        try db.execute(
            sql: """
                UPDATE transfer_item SET round = ?, (receiver_license, note, state) = (
                    SELECT receiver, note, CASE WHEN receiver IS NULL THEN 'stranded' ELSE 'reassigned' END
                    FROM temp.transfer_plan p WHERE p.number = transfer_item.proceeding_number)
                WHERE job_id = ? AND proceeding_number IN (SELECT number FROM temp.transfer_plan) AND state = 'pending'
                """, arguments: [round, job])
        guard db.changesCount == items.count else {
            throw StoreCorruption("\(items.count - db.changesCount) item(s) of job \(job) were already placed")
        }
        guard moved > 0, !events.isEmpty else { return }
        var selects: [String] = []
        var arguments: [any DatabaseValueConvertible] = [now.millisecondsSinceEpoch]
        for (index, event) in events.enumerated() {
            let payload = event.payloadSQL()
            selects.append(
                """
                SELECT p.position AS pos, \(index) AS k, ? AS event_type, p.number AS subject, \(payload.sql) AS payload
                FROM temp.transfer_plan p JOIN temp.transfer_receiver r ON r.license = p.receiver
                """)
            arguments.append(event.eventType)
            arguments += payload.arguments
        }
        try db.execute(
            sql: """
                INSERT INTO outbox (at_ms, event_type, subject, payload)
                SELECT ?, event_type, subject, payload FROM (\(selects.joined(separator: " UNION ALL "))) ORDER BY pos, k
                """, arguments: StatementArguments(arguments))
    }
}
