import GRDBSQLite

/// A read-only SQLite connection with its prepared statements, used by one
/// thread at a time (checked out of `PointReadPool`).
///
/// Why not GRDB here: a GRDB pool read costs a reader checkout, a dispatch-queue
/// hop and per-call key-path instantiation that, for a one-row lookup, is several
/// times the lookup itself (measured with perf on registry-bench). Point lookups
/// are single statements, which SQLite runs on one consistent WAL snapshot.
final class PointReadConnection {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) throws {
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK else {
            defer { sqlite3_close_v2(handle) }
            throw PointReadError(code: code, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)")
        }
        sqlite3_busy_timeout(handle, 5000)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs `sql` with text arguments, calling `row` for each result row.
    func query(_ sql: String, _ arguments: [String], row: (PointReadRow) throws -> Void) throws {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, argument) in arguments.enumerated() {
            // SQLITE_TRANSIENT: SQLite copies the bytes, the Swift string may go away.
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            sqlite3_bind_text(statement, Int32(index + 1), argument, -1, transient)
        }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw PointReadError(code: code, message: String(cString: sqlite3_errmsg(handle))) }
            try row(PointReadRow(statement: statement))
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw PointReadError(code: code, message: String(cString: sqlite3_errmsg(handle)))
        }
        statements[sql] = statement
        return statement
    }
}

/// The current row of a point-read statement, read by column position.
struct PointReadRow {
    let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: bytes)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
}

struct PointReadError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}
