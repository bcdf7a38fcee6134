import Logging
import Metrics
import RegistryService
import RegistryStore

/// Every tick starts and ends the temporary replacements whose dates have come (153-1),
/// then moves the proceedings of transfer jobs batch by batch, each batch one
/// transaction, until no job has work left. A crash between batches loses nothing:
/// the next run resumes with the items still pending.
public enum TransferWorker {
    public static func service(core: RegistryCore, interval: Duration, logger: Logger) -> PeriodicService {
        let moved = Counter(label: "registry_transfer_reassigned_total")
        let stranded = Counter(label: "registry_transfer_stranded_total")
        return PeriodicService(name: "transfer worker", interval: interval, logger: logger) {
            let (started, ended) = try await core.runReplacements()
            if started + ended > 0 { logger.info("temporary replacements", metadata: ["started": "\(started)", "ended": "\(ended)"]) }
            while let report = try await core.runTransferBatch() {
                moved.increment(by: report.reassigned)
                stranded.increment(by: report.stranded)
                if let finished = report.finished {
                    logger.log(level: finished == .completed ? .info : .warning, "transfer job finished",
                               metadata: ["job": "\(report.job)", "state": "\(finished.rawValue)"])
                }
            }
        }
    }
}
