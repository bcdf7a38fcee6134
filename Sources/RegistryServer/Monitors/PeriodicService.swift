import Logging
import ServiceLifecycle

/// A job registryd runs next to the server every `interval` until graceful shutdown:
/// the deadline monitor and the transfer worker. A failed run is logged and retried
/// at the next tick; it never stops the server.
public struct PeriodicService: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    let body: @Sendable () async throws -> Void

    public init(name: String, interval: Duration, logger: Logger, body: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.interval = interval
        self.logger = logger
        self.body = body
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await body()
            } catch {
                logger.error("\(name) could not run", metadata: ["error": "\(error)"])
            }
            let pause = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }
}
