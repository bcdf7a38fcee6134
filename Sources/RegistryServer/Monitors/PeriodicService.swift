import Logging
import RegistryService
import ServiceLifecycle

/// A job registryd runs next to the server every `interval` until graceful shutdown:
/// the deadline monitor, the transfer worker, the proposal monitors. It runs at once on
/// start, then at every tick and whenever `wake` is notified. A failed run is logged and
/// retried at the next tick; it never stops the server.
public struct PeriodicService: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    let wake: WorkSignal?
    let body: @Sendable () async throws -> Void

    public init(
        name: String, interval: Duration, logger: Logger, wake: WorkSignal? = nil, body: @escaping @Sendable () async throws -> Void
    ) {
        self.name = name
        self.interval = interval
        self.logger = logger
        self.wake = wake
        self.body = body
    }

    public func run() async throws {
        let (ticks, tick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let wakeups = wake?.wakeups()
        let interval = interval
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    tick.yield()
                    try? await Task.sleep(for: interval)
                }
            }
            if let wakeups {
                group.addTask { for await _ in wakeups { tick.yield() } }
            }
            for await _ in ticks.cancelOnGracefulShutdown() {
                do {
                    try await body()
                } catch {
                    logger.error("\(name) could not run", metadata: ["error": "\(error)"])
                }
            }
            group.cancelAll()
        }
    }
}
