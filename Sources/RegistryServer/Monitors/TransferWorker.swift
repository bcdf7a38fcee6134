import Logging
import Metrics
import RegistryService
import RegistryStore
import ServiceLifecycle

/// Starts and ends the temporary replacements whose dates have come (153-1), resumes
/// blocked jobs whose district has a receiver again, then moves the proceedings of
/// transfer jobs batch by batch, back to back, each batch one transaction, until no job
/// has work left. It wakes when a decision may have created work. On graceful shutdown it
/// stops between batches; a crash between batches loses nothing: the next run resumes
/// with the items still pending.
public enum TransferWorker {
    /// `afterBatch` sees every batch's report (tests use it to stop the worker at a known point).
    public static func service(
        core: RegistryCore, interval: Duration, logger: Logger, batchSize: Int = RegistryCore.transferBatchSize,
        afterBatch: (@Sendable (TransferBatchReport) async -> Void)? = nil
    ) -> PeriodicService {
        let moved = Counter(label: "registry_transfer_reassigned_total")
        let stranded = Counter(label: "registry_transfer_stranded_total")
        let quarantined = Counter(label: "registry_transfer_quarantined_total")
        return PeriodicService(name: "transfer worker", interval: interval, logger: logger, wake: core.workSignal) {
            let (started, ended) = try await core.runReplacements()
            if started + ended > 0 { logger.info("temporary replacements", metadata: ["started": "\(started)", "ended": "\(ended)"]) }
            for job in try await core.resumeBlockedJobs() {
                logger.notice("blocked transfer job resumed: a receiver is available", metadata: ["job": "\(job)"])
            }
            while !Task.isShuttingDownGracefully, let report = try await core.runTransferBatch(limit: batchSize) {
                moved.increment(by: report.reassigned)
                stranded.increment(by: report.stranded)
                quarantined.increment(by: report.quarantined)
                if report.quarantined > 0 {
                    logger.warning("transfer items quarantined", metadata: ["job": "\(report.job)", "count": "\(report.quarantined)"])
                }
                if let finished = report.finished {
                    logger.log(
                        level: finished == .completed ? .info : .warning, "transfer job finished",
                        metadata: ["job": "\(report.job)", "state": "\(finished.rawValue)"])
                }
                await afterBatch?(report)
            }
        }
    }
}
