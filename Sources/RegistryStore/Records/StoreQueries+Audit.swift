import Enforcement
import Foundation
import GRDB

extension StoreQueries {
    /// All audit entries in chain order.
    public func auditEntries() throws -> [ChainedAuditEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq").map { row in
            ChainedAuditEntry(
                seq: row["seq"],
                entry: AuditEntry(
                    at: Instant(millisecondsSinceEpoch: row["at_ms"]), principal: row["principal"], method: row["method"],
                    requestID: row["request_id"], requestDigest: row["request_digest"], outcome: row["outcome"], subject: row["subject"]
                ),
                previousHash: row["prev_hash"], hash: row["hash"]
            )
        }
    }
}

extension StoreTransaction {
    /// Appends `entry` to the chain, inside the caller's transaction.
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) throws -> ChainedAuditEntry {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let previous: String = last?["hash"] ?? AuditChain.genesis
        let hash = AuditChain.hash(seq: seq, entry: entry, previousHash: previous)
        try db.execute(
            sql: """
                INSERT INTO audit_log (seq, at_ms, principal, method, request_id, request_digest, outcome, subject, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                seq, entry.at.millisecondsSinceEpoch, entry.principal, entry.method, entry.requestID,
                entry.requestDigest, entry.outcome, entry.subject, previous, hash,
            ]
        )
        return ChainedAuditEntry(seq: seq, entry: entry, previousHash: previous, hash: hash)
    }

    /// Records a domain event whose fields may hold free text (a ruling's reference, a name,
    /// another system's number): encoded as JSON, so no value can break the payload.
    public func appendOutbox(eventType: String, subject: String, fields: [String: OutboxValue], at: Instant) throws {
        try appendOutbox(eventType: eventType, subject: subject, payload: OutboxPayload.json(fields), at: at)
    }

    /// Records a domain event for other parts of the system, in this transaction.
    public func appendOutbox(eventType: String, subject: String, payload: String, at: Instant) throws {
        try db.cachedStatement(sql: "INSERT INTO outbox (at_ms, event_type, subject, payload) VALUES (?, ?, ?, ?)")
            .execute(arguments: [at.millisecondsSinceEpoch, eventType, subject, payload])
    }
}

/// A value of an outbox event's JSON payload.
public enum OutboxValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case number(Int64)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .number(value) }
}
