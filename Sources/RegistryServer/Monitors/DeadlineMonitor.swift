import Licensing
import Logging
import Metrics
import RegistryService
import RegistryStore
import ServiceLifecycle

/// Runs inside registryd next to the server: every `interval` it raises the alerts
/// of deadlines that became overdue (`RegistryCore.raiseDeadlineAlerts`), logs each
/// one as a warning and counts it, so an expired suspension term or a missed
/// hand-over never passes silently. Stops on graceful shutdown.
public struct DeadlineMonitor: Service {
    let core: RegistryCore
    let interval: Duration
    let logger: Logger
    private let alerts = Counter(label: "registry_deadline_alerts_total")

    public init(core: RegistryCore, interval: Duration, logger: Logger) {
        self.core = core
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                for stored in try await core.raiseDeadlineAlerts() {
                    alerts.increment()
                    let deadline = stored.deadline
                    logger.warning("deadline overdue", metadata: [
                        "kind": "\(deadline.kind.rawValue)", "license": "\(deadline.licenseNumber)", "owner": "\(deadline.owner)",
                        "due_on": "\(deadline.dueOn)", "article": "\(deadline.kind.article)",
                    ])
                }
            } catch {
                logger.error("deadline monitor could not run", metadata: ["error": "\(error)"])
            }
            let pause = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }
}
