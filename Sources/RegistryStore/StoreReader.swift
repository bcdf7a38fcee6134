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
    /// This transaction's place in the store's sequence of write transactions (1, 2, …, since
    /// opening): a caller that wrote number n and sees n + 1 next knows nothing else was written
    /// in between, so what it derived from the store then still holds.
    public let writeNumber: Int

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
