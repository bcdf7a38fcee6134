import GRDB

/// Offline check of a data folder's audit chain, for `registry-admin audit verify`.
public enum AuditVerifier {
    public struct Report: Sendable {
        public let entries: Int
        public let firstBreak: AuditChain.Break?
    }

    /// Opens the database read-only (no migration, no writes) and recomputes the chain.
    public static func verify(databasePath: String) throws -> Report {
        let result = AuditChain.verify(try entries(databasePath: databasePath))
        return Report(entries: result.count, firstBreak: result.firstBreak)
    }
}

extension AuditVerifier {
    /// The chain of a data folder's database, read-only, for checks against checkpoints.
    public static func entries(databasePath: String) throws -> [ChainedAuditEntry] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: databasePath, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in try StoreReader(db: db).auditEntries() }
    }
}
