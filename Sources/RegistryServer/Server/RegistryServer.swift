import CoreMetrics
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import RegistryPKI
import RegistryService
import RegistryWire
import ServiceLifecycle

/// registryd's network edge: TCP + mutual TLS + framed RPC, dispatching into
/// `RegistryEndpoints`. Runs as a swift-service-lifecycle `Service`: on graceful
/// shutdown it stops accepting, sends GoAway on every connection, lets calls in
/// flight finish within `shutdownGrace`, then closes what is left.
public final class RegistryServer: Service, Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var tls: TLSMaterial
        public var maxFrameBytes = ProtocolConstants.defaultMaxFrameBytes
        public var maxConcurrentCalls = ProtocolConstants.defaultMaxConcurrentCalls
        public var defaultTimeoutMilliseconds = ProtocolConstants.defaultTimeoutMilliseconds
        public var shutdownGrace: TimeAmount = .seconds(10)
        public var threads = System.coreCount
        /// How long a connection may sit in each phase (PROTOCOL.md §3).
        public var timeouts = ConnectionTimeouts()
        /// Open connections the server holds at once, and from one source address.
        public var maxConnections = 4096
        public var maxConnectionsPerAddress = 512
        /// Bytes of unfinished frames held across all connections.
        public var partialFrameBudgetBytes = 64 * 1024 * 1024

        public init(host: String = "127.0.0.1", port: Int = ProtocolConstants.defaultPort, tls: TLSMaterial) {
            self.host = host
            self.port = port
            self.tls = tls
        }
    }

    private let configuration: Configuration
    private let table: MethodTable
    private let logger: Logger
    private let group: MultiThreadedEventLoopGroup
    /// Read by each new connection; swapped by `reloadTLS`, so connections already open keep theirs.
    private let tlsState: NIOLockedValueBox<TLSState>
    private let metrics = ServerMetrics()
    private let limiter: ConnectionLimiter
    private let frameBudget: PartialFrameBudget
    private let state = NIOLockedValueBox(State())

    /// What a new connection is made with: the TLS context, and the lists its client certificate is checked against.
    private struct TLSState: Sendable {
        let context: NIOSSLContext
        let revocationLists: [RevocationList]

        init(_ material: TLSMaterial) throws {
            context = try NIOSSLContext(configuration: material.serverConfiguration())
            revocationLists = try material.revocationLists()
        }
    }

    private struct State {
        var stopped = false
        var serverChannel: (any Channel)?
        var connections: [ObjectIdentifier: any Channel] = [:]
    }

    public init(configuration: Configuration, endpoints: RegistryEndpoints, logger: Logger = Logger(label: "registryd")) throws {
        self.configuration = configuration
        self.table = endpoints.methodTable
        self.logger = logger
        self.tlsState = NIOLockedValueBox(try TLSState(configuration.tls))
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads))
        self.limiter = ConnectionLimiter(maxTotal: configuration.maxConnections, maxPerAddress: configuration.maxConnectionsPerAddress)
        self.frameBudget = PartialFrameBudget(limit: configuration.partialFrameBudgetBytes)
    }

    /// Binds and starts accepting; returns the bound address (port 0 picks a free one).
    @discardableResult
    public func start() async throws -> SocketAddress {
        let limits = ConnectionLimits(
            maxConcurrentCalls: configuration.maxConcurrentCalls, maxFrameBytes: configuration.maxFrameBytes,
            defaultTimeoutMilliseconds: configuration.defaultTimeoutMilliseconds
        )
        let tlsStates = self.tlsState
        let table = self.table
        let metrics = self.metrics
        let logger = self.logger
        let limiter = self.limiter
        let frameBudget = self.frameBudget
        let timeouts = configuration.timeouts
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [weak self] channel in
                // The caps are checked before any TLS work, so a flood costs an accept and a close.
                let address = channel.remoteAddress?.ipAddress ?? "?"
                if let refusal = limiter.admit(address) {
                    metrics.connectionRefused(refusal)
                    logger.warning("connection refused", metadata: ["peer": "\(address)", "reason": "\(refusal.rawValue)"])
                    channel.close(promise: nil)
                    return channel.eventLoop.makeSucceededVoidFuture()
                }
                metrics.connectionsOpen.record(limiter.open)
                channel.closeFuture.whenComplete { _ in
                    limiter.release(address)
                    metrics.connectionsOpen.record(limiter.open)
                }
                self?.track(channel)
                return channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    let tls = tlsStates.withLockedValue { $0 }
                    try sync.addHandler(NIOSSLServerHandler(context: tls.context))
                    try sync.addHandler(
                        ByteToMessageHandler(
                            ServerFrameDecoder(
                                maxFrameBytes: limits.maxFrameBytes, bodyTimeout: timeouts.frameBody,
                                budget: frameBudget)))
                    var connectionLogger = logger
                    connectionLogger[metadataKey: "peer"] = "\(channel.remoteAddress?.description ?? "?")"
                    try sync.addHandler(
                        ServerConnectionHandler(
                            table: table, limits: limits, timeouts: timeouts, metrics: metrics, logger: connectionLogger,
                            identify: { try ServerConnectionHandler.peerCertificatePrincipal($0, unlessRevokedBy: tls.revocationLists) }))
                }
            }
            .bind(host: configuration.host, port: configuration.port)
            .get()
        state.withLockedValue { $0.serverChannel = channel }
        guard let address = channel.localAddress else { throw ConfigurationError("server channel has no local address") }
        logger.info("registryd listening", metadata: ["address": "\(address)"])
        return address
    }

    /// Serves new connections with `material` (certificate, key, client CA) from now on;
    /// connections already open keep what they were made with. Throws, and changes
    /// nothing, when the material does not make a TLS context.
    public func reloadTLS(_ material: TLSMaterial) throws {
        let state = try TLSState(material)
        tlsState.withLockedValue { $0 = state }
    }

    private func track(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        state.withLockedValue { $0.connections[id] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            _ = self?.state.withLockedValue { $0.connections.removeValue(forKey: id) }
        }
    }

    /// Stops accepting, sends GoAway everywhere, waits for calls in flight up to
    /// the grace period, then closes the rest and the event loops.
    /// Idempotent: a second call returns at once.
    public func shutdownGracefully() async {
        let (alreadyStopped, server, connections) = state.withLockedValue { state in
            defer { state.stopped = true }
            return (state.stopped, state.serverChannel, Array(state.connections.values))
        }
        if alreadyStopped { return }
        try? await server?.close()
        let drains = connections.map { channel in
            channel.eventLoop.flatSubmit {
                do {
                    return try channel.pipeline.syncOperations.handler(type: ServerConnectionHandler.self).goAway()
                } catch {
                    return channel.close()
                }
            }
        }
        let grace = configuration.shutdownGrace
        await withTaskGroup(of: Void.self) { race in
            race.addTask {
                for drain in drains { try? await drain.get() }
            }
            race.addTask { try? await Task.sleep(nanoseconds: UInt64(grace.nanoseconds)) }
            await race.next()
            race.cancelAll()
        }
        let remaining = state.withLockedValue { Array($0.connections.values) }
        if !remaining.isEmpty {
            logger.warning("closing connections whose calls outlived the grace period", metadata: ["count": "\(remaining.count)"])
        }
        for channel in remaining { try? await channel.close() }
        try? await group.shutdownGracefully()
        logger.info("registryd stopped accepting and drained")
    }

    /// `Service`: serve until a graceful shutdown is requested, then drain.
    public func run() async throws {
        try await start()
        try? await gracefulShutdown()
        await shutdownGracefully()
    }
}
