import Licensing
import Logging
import Metrics
import RegistryService
import RegistryStore

/// Every tick raises the alerts of deadlines that became overdue
/// (`RegistryCore.raiseDeadlineAlerts`), logs each as a warning and counts it, so an
/// expired suspension term or a missed hand-over never passes silently.
public enum DeadlineMonitor {
    public static func service(core: RegistryCore, interval: Duration, logger: Logger) -> PeriodicService {
        let alerts = Counter(label: "registry_deadline_alerts_total")
        return PeriodicService(name: "deadline monitor", interval: interval, logger: logger) {
            for stored in try await core.raiseDeadlineAlerts() {
                alerts.increment()
                let deadline = stored.deadline
                logger.warning(
                    "deadline overdue",
                    metadata: [
                        "kind": "\(deadline.kind.rawValue)", "license": "\(deadline.licenseNumber)", "owner": "\(deadline.owner)",
                        "due_on": "\(deadline.dueOn)", "article": "\(deadline.kind.article)",
                    ])
            }
        }
    }
}
