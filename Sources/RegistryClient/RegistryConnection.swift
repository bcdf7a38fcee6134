import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import RegistryWire
import SwiftProtobuf

/// One multiplexed connection to registryd: many calls in flight at once, each
/// answered when its response arrives. Safe to share between tasks.
public final class RegistryConnection: Sendable {
    let channel: any Channel
    private let handler: NIOLoopBound<ClientConnectionHandler>
    private let nextCallID = NIOLockedValueBox<UInt64>(0)
    private let ownedGroup: MultiThreadedEventLoopGroup?

    private init(channel: any Channel, handler: NIOLoopBound<ClientConnectionHandler>, ownedGroup: MultiThreadedEventLoopGroup?) {
        self.channel = channel
        self.handler = handler
        self.ownedGroup = ownedGroup
    }

    /// Connects, completes the TLS handshake (so a refused certificate fails here),
    /// and sends the protocol preface.
    public static func connect(
        host: String, port: Int, tls: ClientTLS,
        group: (any EventLoopGroup)? = nil, peerName: String = "registry-client"
    ) async throws -> RegistryConnection {
        let owned = group == nil ? MultiThreadedEventLoopGroup(numberOfThreads: 1) : nil
        let loopGroup: any EventLoopGroup = group ?? owned!
        do {
            let sslContext = try NIOSSLContext(configuration: tls.configuration())
            let serverName = tls.serverName ?? host
            let isIP = serverName.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
            // The handler is captured while the pipeline is built: a server that closes
            // right after the handshake (e.g. refusing the identity) must not race a lookup.
            let (channel, handler, ready) = try await ClientBootstrap(group: loopGroup)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(10))
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let sync = channel.pipeline.syncOperations
                        try sync.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: isIP ? nil : serverName))
                        try sync.addHandler(ByteToMessageHandler(FrameDecoder()))
                        let ready = channel.eventLoop.makePromise(of: Void.self)
                        let handler = ClientConnectionHandler(ready: ready, peerName: peerName)
                        try sync.addHandler(handler)
                        return (channel, NIOLoopBound(handler, eventLoop: channel.eventLoop), ready.futureResult)
                    }
                }
            try await ready.get()
            return RegistryConnection(channel: channel, handler: handler, ownedGroup: owned)
        } catch {
            try? await owned?.shutdownGracefully()
            throw error
        }
    }

    /// Sends one request and waits for its response; a non-OK status throws `RPCError`.
    public func call<Request, Response>(
        _ method: MethodDescriptor<Request, Response>, _ request: Request, options: CallOptions = CallOptions()
    ) async throws -> Response {
        var wire = WireRequest()
        wire.method = method.path
        wire.payload = try request.serializedData()
        wire.timeoutMs = options.timeoutMilliseconds
        wire.idempotencyKey = options.idempotencyKey ?? ""
        wire.requestID = options.requestID ?? ""
        let response = try await send(wire, timeoutMilliseconds: options.timeoutMilliseconds)
        guard response.status.code == 0 else { throw RPCError(status: response.status) }
        do {
            return try Response(serializedBytes: response.payload)
        } catch {
            throw RPCError(code: .internal, message: "response payload is not a valid \(Response.protoMessageName)")
        }
    }

    /// Sends a raw request frame (for tests and tools that speak the protocol directly).
    public func send(_ request: WireRequest, timeoutMilliseconds: UInt32) async throws -> WireResponse {
        let callID = nextCallID.withLockedValue { id -> UInt64 in
            id += 1
            return id
        }
        let handler = self.handler
        let loop = channel.eventLoop
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.execute {
                    handler.value.start(
                        callID: callID, request: request, timeoutMilliseconds: timeoutMilliseconds, continuation: continuation)
                }
            }
        } onCancel: {
            loop.execute { handler.value.cancel(callID: callID) }
        }
    }

    /// Round trip of a Ping frame.
    public func ping() async throws {
        let opaque = UInt64.random(in: 1...UInt64.max)
        let handler = self.handler
        let loop = channel.eventLoop
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            loop.execute { handler.value.ping(opaque: opaque, continuation: continuation) }
        }
    }

    /// Closes the connection; calls still pending fail with UNAVAILABLE.
    public func close() async {
        try? await channel.close()
        try? await ownedGroup?.shutdownGracefully()
    }
}
