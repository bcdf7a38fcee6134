import GRDB

/// Queries shared by read snapshots and write transactions.
public protocol StoreQueries {
    var db: Database { get }
}

/// A consistent read snapshot.
public struct StoreReader: StoreQueries {
    public let db: Database
}

/// One write transaction. Not `Sendable`: it lives only inside `RegistryStore.write`.
public struct StoreTransaction: StoreQueries {
    public let db: Database

    /// Runs `body` in a savepoint: on a thrown error its writes are undone while the
    /// surrounding transaction goes on (used to audit a refusal without keeping
    /// any half-done work).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        return result!
    }
}
