import Foundation
import GRDB
import Licensing
import Synchronization

/// The registry's durable state in one SQLite file: a GRDB `DatabasePool` in WAL
/// mode, foreign keys on, `synchronous = FULL` so a committed decision survives a
/// power cut. All SQL lives in this module; callers see `StoreTransaction` and
/// `StoreReader`, which a server-database implementation could provide as well.
public final class RegistryStore: Sendable {
    let pool: DatabasePool
    let pointReads: PointReadPool
    let checkpointer: WALCheckpointer
    private let writes = Mutex(0)
    public let path: String

    /// Opens (creating if needed) and migrates the database at `path`. A commit that leaves more
    /// than `checkpointAfter` bytes of write-ahead log starts a checkpoint in the background.
    public init(path: String, readers: Int = 8, checkpointAfter: Int64 = 64 << 20) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.maximumReaderCount = readers
        config.label = "registry"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA busy_timeout = 5000")
            // A mass transfer's batch touches tens of thousands of pages; with SQLite's 2 MiB
            // default the writer spilled them to the WAL many times over. 32 MiB for the one
            // writer keeps a batch in memory; readers keep the default, so RSS stays bounded.
            // Checkpoints run off the write path (WALCheckpointer); the writer's own stays as a
            // backstop at 256 MiB of log, and a log reset after a checkpoint is cut back to 64 MiB.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -32768")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 65536")
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            }
        }
        // The file holds convictions and health registrations: owner only (issue 12). SQLite gives
        // the -wal and -shm files the main file's mode, so the main file is created 0600 first.
        try Self.restrictToOwner(path)
        self.pool = try DatabasePool(path: path, configuration: config)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try Self.restrictToOwner(path + suffix)
        }
        self.path = path
        try RegistryMigrations.migrator.migrate(pool)
        self.pointReads = PointReadPool(path: path)
        self.checkpointer = try WALCheckpointer(path: path, threshold: checkpointAfter)
    }

    /// Creates `path` empty with mode 0600 if it is missing, or sets 0600 on it.
    static func restrictToOwner(_ path: String) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } else {
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
    }

    /// Runs `body` in one write transaction; everything it does commits or nothing does.
    public func write<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        let result = try await pool.write { db in
            try body(
                StoreTransaction(
                    db: db,
                    writeNumber: self.writes.withLock { count in
                        count += 1
                        return count
                    }))
        }
        checkpointer.nudge()
        return result
    }

    /// Runs `body` on a consistent snapshot, on one of GRDB's reader connections, off the
    /// caller's thread: a read that scans never holds up the event loop that received it, nor
    /// the calls queued behind it (issue 12). Cancelling the task interrupts SQLite
    /// (`sqlite3_interrupt`) and the read throws `CancellationError`; the call's deadline
    /// cancels it the same way.
    public func read<T: Sendable>(_ body: @escaping @Sendable (StoreReader) throws -> T) async throws -> T {
        try await pool.read { db in try body(StoreReader(db: db)) }
    }

    /// Looks one license up, with its history, in a single statement on a dedicated
    /// read-only connection: SQLite runs one statement on one consistent snapshot, so
    /// no read transaction is needed. The hot path of GetLicense (see `PointReadConnection`).
    public func license(_ number: LicenseNumber) throws -> License? {
        try pointReads.license(number)
    }

    /// Names of the applied migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try RegistryMigrations.migrator.appliedMigrations(db) }
    }

    /// Checkpoints the WAL into the main file and closes; call once at shutdown.
    public func close() throws {
        pointReads.close()
        try checkpointer.close()
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try pool.close()
    }
}
