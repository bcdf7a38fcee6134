import Foundation

/// Read-only connections handed out one per caller at a time. Connections are
/// opened on demand (as many as threads read at once) and kept.
final class PointReadPool: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var idle: [PointReadConnection] = []
    private var closed = false

    init(path: String) { self.path = path }

    func withConnection<T>(_ body: (PointReadConnection) throws -> T) throws -> T {
        let connection: PointReadConnection
        if let reused = lock.withLock({ idle.popLast() }) {
            connection = reused
        } else {
            connection = try PointReadConnection(path: path)
        }
        defer { lock.withLock { if !closed { idle.append(connection) } } }
        return try body(connection)
    }

    /// Drops the idle connections; ones in use close when they are returned.
    func close() {
        lock.withLock {
            closed = true
            idle.removeAll()
        }
    }
}
