import Logging
import Metrics
import RegistryService
import RegistryStore
import ServiceLifecycle

/// Runs inside registryd: moves the proceedings of transfer jobs batch by batch, each
/// batch one transaction, until no job has work left, then waits `interval`. A crash
/// between batches loses nothing: the next run resumes with the items still pending.
public struct TransferWorker: Service {
    let core: RegistryCore
    let interval: Duration
    let logger: Logger
    private let moved = Counter(label: "registry_transfer_reassigned_total")
    private let stranded = Counter(label: "registry_transfer_stranded_total")

    public init(core: RegistryCore, interval: Duration, logger: Logger) {
        self.core = core
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                while !Task.isShuttingDownGracefully, let report = try await core.runTransferBatch() {
                    moved.increment(by: report.reassigned)
                    stranded.increment(by: report.stranded)
                    if let finished = report.finished {
                        let level: Logger.Level = finished == .completed ? .info : .warning
                        logger.log(level: level, "transfer job finished", metadata: ["job": "\(report.job)", "state": "\(finished.rawValue)"])
                    }
                }
            } catch {
                logger.error("transfer worker could not run a batch", metadata: ["error": "\(error)"])
            }
            let pause = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }
}
