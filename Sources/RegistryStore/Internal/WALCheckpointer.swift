import Dispatch
import Foundation
import GRDB
import Synchronization

/// Copies the write-ahead log back into the database file on a connection and thread of its
/// own, so no commit pays for it. SQLite's automatic checkpoint runs inside the committing
/// writer: a decision that crossed the threshold waited for every page the batches before it
/// had written (0.3–0.7 s after a mass transfer). A passive checkpoint never waits for, nor
/// blocks, the writer or the readers; the writer's own automatic checkpoint stays as a
/// backstop far above this threshold.
final class WALCheckpointer: Sendable {
    struct Counts: Sendable, Equatable {
        var completed = 0
        var failed = 0
    }

    /// Bytes of log after which a commit starts a checkpoint. Few large checkpoints cost the disk
    /// less than many small ones: at 8 MiB they ran throughout a mass transfer and their flushes
    /// stretched it from 3.6 s to as much as 7 s.
    let threshold: Int64
    private let connection: DatabaseQueue
    private let walPath: String
    private let state = Mutex<(running: Bool, counts: Counts)>((false, Counts()))
    private let queue = DispatchQueue(label: "registry.checkpoint", qos: .utility)

    init(path: String, threshold: Int64) throws {
        var configuration = Configuration()
        configuration.label = "registry.checkpoint"
        connection = try DatabaseQueue(path: path, configuration: configuration)
        walPath = path + "-wal"
        self.threshold = threshold
    }

    var counts: Counts { state.withLock { $0.counts } }

    /// After a commit: starts a checkpoint when the log has grown past the threshold and none runs.
    func nudge() {
        guard let size = try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int64, size >= threshold else { return }
        guard
            state.withLock({ state in
                if state.running { return false }
                state.running = true
                return true
            })
        else { return }
        queue.async { [self] in
            let succeeded = (try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }) != nil
            state.withLock { state in
                state.running = false
                if succeeded { state.counts.completed += 1 } else { state.counts.failed += 1 }
            }
        }
    }

    /// Waits for a running checkpoint to finish (closing, tests).
    func drain() {
        queue.sync {}
    }

    func close() throws {
        drain()
        try connection.close()
    }
}
