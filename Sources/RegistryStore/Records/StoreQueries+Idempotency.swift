import Enforcement
import Foundation
import GRDB

/// The first result of an idempotent mutation.
public struct StoredResult: Hashable, Sendable {
    public let method: String
    public let requestDigest: String
    public let result: Data
}

extension StoreQueries {
    public func storedResult(principal: String, key: String) throws -> StoredResult? {
        try Row.fetchOne(
            db, sql: "SELECT method, request_digest, result FROM idempotency_key WHERE principal = ? AND key = ?",
            arguments: [principal, key]
        ).map {
            StoredResult(method: $0["method"], requestDigest: $0["request_digest"], result: $0["result"])
        }
    }
}

extension StoreTransaction {
    public func storeResult(principal: String, key: String, method: String, requestDigest: String, result: Data, at: Instant) throws {
        try db.execute(
            sql: "INSERT INTO idempotency_key (principal, key, method, request_digest, result, created_at_ms) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [principal, key, method, requestDigest, result, at.millisecondsSinceEpoch]
        )
    }
}
