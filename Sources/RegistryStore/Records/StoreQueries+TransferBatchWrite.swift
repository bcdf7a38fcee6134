import Enforcement
import GRDB

/// One planned outcome of a transfer batch's fast path.
public struct PlannedTransferItem: Sendable {
    public let number: String
    /// The receiving bailiff's license; nil when the item stays with the chamber (stranded).
    public let receiver: String?
    public let note: String?

    public init(number: String, receiver: String?, note: String?) {
        self.number = number
        self.receiver = receiver
        self.note = note
    }
}

/// An outbox row built in memory, written with the others of its batch.
public struct PendingOutboxRow: Sendable {
    public let eventType: String
    public let subject: String
    public let payload: String

    public init(eventType: String, subject: String, payload: String) {
        self.eventType = eventType
        self.subject = subject
        self.payload = payload
    }

    /// The payload as `appendOutbox(eventType:subject:sortedFields:at:)` writes it.
    public init(eventType: String, subject: String, sortedFields: [(key: String, value: OutboxValue)]) {
        self.init(eventType: eventType, subject: subject, payload: OutboxPayload.json(sorted: sortedFields))
    }
}

extension StoreTransaction {
    /// The fast path of a transfer batch (issue 11): every move, assignment, item mark and outbox
    /// row of the batch in a handful of set statements over a keyed plan, instead of six
    /// statements per proceeding. Rows keep the order the loop would have written them in. Any
    /// mismatch (a proceeding no longer with the chamber, an item already placed) throws, and the
    /// caller reruns the batch item by item to set the bad one aside.
    public func applyTransferBatch(job: Int64, district: String, round: Int, items: [PlannedTransferItem], outbox: [PendingOutboxRow], at now: Instant) throws {
        guard !items.isEmpty else { return }
        let moved = items.filter { $0.receiver != nil }
        let chamber = EnforcementProceeding.Holder.regionalChamber(district: district).description
        func array(_ rows: [[String?]]) -> String {
            var text = "["
            text.reserveCapacity(rows.count * 64)
            for (index, row) in rows.enumerated() {
                text += index == 0 ? "[" : ",["
                for (column, value) in row.enumerated() {
                    if column > 0 { text += "," }
                    if let value { OutboxPayload.append(value, to: &text) } else { text += "null" }
                }
                text += "]"
            }
            return text + "]"
        }
        // The plan goes into a keyed temporary table first: joined straight to json_each, SQLite
        // scanned the array once per row (235 s for 20,000 proceedings).
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS transfer_plan (number TEXT PRIMARY KEY, receiver TEXT, note TEXT) WITHOUT ROWID;
            DELETE FROM temp.transfer_plan;
            """)
        try db.execute(sql: "INSERT INTO temp.transfer_plan (number, receiver, note) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)",
                       arguments: [array(items.map { [$0.number, $0.receiver, $0.note] })])
        if !moved.isEmpty {
            try db.execute(sql: """
                UPDATE proceeding SET holder_license = (SELECT receiver FROM temp.transfer_plan p WHERE p.number = proceeding.number)
                WHERE number IN (SELECT number FROM temp.transfer_plan WHERE receiver IS NOT NULL)
                  AND status = 'open' AND holder_license IS NULL AND district = ?
                """, arguments: [district])
            guard db.changesCount == moved.count else {
                throw StoreCorruption("\(moved.count - db.changesCount) proceeding(s) of the batch are no longer with the regional chamber of \(district)")
            }
        }
        try db.execute(sql: """
            INSERT INTO proceeding_assignment (proceeding_number, holder, reason, job_id, at_ms, explanation)
            SELECT a.value ->> 0, a.value ->> 1, a.value ->> 2, ?, ?, NULL FROM json_each(?) AS a ORDER BY a.key
            """, arguments: [job, now.millisecondsSinceEpoch, array(items.map { item in
                item.receiver.map { [item.number, EnforcementProceeding.Holder.bailiff(license: $0).description, "reassignment"] } ?? [item.number, chamber, "noReceiver"]
            })])
        try db.execute(sql: """
            UPDATE transfer_item SET
                receiver_license = (SELECT receiver FROM temp.transfer_plan p WHERE p.number = transfer_item.proceeding_number),
                note = (SELECT note FROM temp.transfer_plan p WHERE p.number = transfer_item.proceeding_number),
                round = ?
            WHERE job_id = ? AND proceeding_number IN (SELECT number FROM temp.transfer_plan) AND state = 'pending'
            """, arguments: [round, job])
        guard db.changesCount == items.count else { throw StoreCorruption("\(items.count - db.changesCount) item(s) of job \(job) were already placed") }
        try db.execute(sql: """
            UPDATE transfer_item SET state = CASE WHEN receiver_license IS NULL THEN 'stranded' ELSE 'reassigned' END
            WHERE job_id = ? AND proceeding_number IN (SELECT number FROM temp.transfer_plan) AND state = 'pending'
            """, arguments: [job])
        if !outbox.isEmpty {
            try db.execute(sql: """
                INSERT INTO outbox (at_ms, event_type, subject, payload)
                SELECT ?, o.value ->> 0, o.value ->> 1, o.value ->> 2 FROM json_each(?) AS o ORDER BY o.key
                """, arguments: [now.millisecondsSinceEpoch, array(outbox.map { [$0.eventType, $0.subject, $0.payload] })])
        }
    }
}
