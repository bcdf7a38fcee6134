import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// `--abusers N`: does a good client stay served while N connections try to hold the server
/// open? Health latency on one connection, one call at a time, before and while the abusers
/// are held, and the server's memory. The abusers come in three kinds, round robin:
/// TCP that never starts TLS, TLS that never sends its Preface, and a Preface followed by
/// a 4 MiB frame of which only the first 64 KiB ever arrive.
enum AbuseBench {
    enum Kind: CaseIterable { case silentTCP, noPreface, partialFrame }

    static func run(
        host: String, port: Int, tls: ClientTLS, abusers count: Int, duration: Double, serverPid: Int?,
        group: MultiThreadedEventLoopGroup
    ) async throws {
        let good = try await RegistryConnection.connect(host: host, port: port, tls: tls, group: group, peerName: "registry-bench")
        let health = HealthStub(connection: good)
        _ = try await health.check(WireHealthCheckRequest())
        let before = try await latencies(health, seconds: duration)
        let rssBefore = serverPid.flatMap(RegistryBench.residentMemory)

        let context = try NIOSSLContext(configuration: try tls.configuration())
        var abusers: [any Channel] = []
        var refused = 0
        for batch in stride(from: 0, to: count, by: 50) {
            let opened = await withTaskGroup(of: (any Channel)?.self) { tasks in
                for index in batch..<min(count, batch + 50) {
                    tasks.addTask {
                        try? await open(Kind.allCases[index % Kind.allCases.count], host: host, port: port, context: context, group: group)
                    }
                }
                var channels: [any Channel] = []
                for await channel in tasks { if let channel { channels.append(channel) } }
                return channels
            }
            refused += min(count, batch + 50) - batch - opened.count
            abusers += opened
        }
        // Let the server see every abuser before measuring.
        try await Task.sleep(for: .milliseconds(300))
        let heldAtStart = abusers.filter(\.isActive).count
        let during = try await latencies(health, seconds: duration)
        let heldAtEnd = abusers.filter(\.isActive).count
        let rssDuring = serverPid.flatMap(RegistryBench.residentMemory)
        for channel in abusers { try? await channel.close() }
        await good.close()

        func ms(_ values: [UInt64], _ p: Double) -> Double {
            values.isEmpty ? 0 : Double(values[min(values.count - 1, Int(Double(values.count) * p))]) / 1_000_000
        }
        print(
            "registry-bench: Health on one connection, 1 in flight, \(duration)s before and \(duration)s while \(count) abusive connections are held"
        )
        print(String(format: "  before   calls %d  p50 %.3f ms  p99 %.3f ms", before.count, ms(before, 0.5), ms(before, 0.99)))
        print(String(format: "  during   calls %d  p50 %.3f ms  p99 %.3f ms", during.count, ms(during, 0.5), ms(during, 0.99)))
        print(
            "  abusers  \(count) tried, \(refused) failed to connect, \(heldAtStart) open when measuring began, \(heldAtEnd) still open at its end"
        )
        if let rssBefore, let rssDuring {
            print(
                "  server RSS  \(rssBefore.current / 1024) MiB before, \(rssDuring.current / 1024) MiB during, \(rssDuring.peak / 1024) MiB peak"
            )
        }
        let json: [String: Any] = [
            "bench": "Abuse", "abusers": count, "duration_s": duration, "refused": refused, "held_at_start": heldAtStart,
            "held_at_end": heldAtEnd,
            "before_p50_ms": ms(before, 0.5), "before_p99_ms": ms(before, 0.99), "during_p50_ms": ms(during, 0.5),
            "during_p99_ms": ms(during, 0.99),
            "server_rss_kib_before": rssBefore?.current ?? -1, "server_rss_kib_during": rssDuring?.current ?? -1,
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self))
    }

    /// Sorted latencies, in nanoseconds, of sequential Health calls for `seconds`.
    static func latencies(_ health: HealthStub, seconds: Double) async throws -> [UInt64] {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
        var values: [UInt64] = []
        while clock.now < end {
            let began = clock.now
            _ = try await health.check(WireHealthCheckRequest())
            let elapsed = began.duration(to: clock.now).components
            values.append(UInt64(elapsed.seconds) * 1_000_000_000 + UInt64(elapsed.attoseconds / 1_000_000_000))
        }
        return values.sorted()
    }

    static func open(_ kind: Kind, host: String, port: Int, context: NIOSSLContext, group: MultiThreadedEventLoopGroup) async throws
        -> any Channel
    {
        let handshaken = group.any().makePromise(of: Void.self)
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                guard kind != .silentTCP else { return channel.eventLoop.makeSucceededVoidFuture() }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                    try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(promise: handshaken))
                }
            }
            .connect(host: host, port: port).get()
        guard kind != .silentTCP else {
            handshaken.succeed()
            return channel
        }
        try await handshaken.futureResult.get()
        if kind == .partialFrame {
            var preface = WireFrame()
            preface.preface = WirePreface.with {
                $0.protocolVersion = ProtocolConstants.version
                $0.peerName = "abuser"
            }
            var bytes = try FrameCodec.encode(preface)
            bytes.writeInteger(UInt32(4 * 1024 * 1024))
            bytes.writeBytes([UInt8](repeating: 0, count: 64 * 1024))
            try await channel.writeAndFlush(bytes)
        }
        return channel
    }

    /// Completes when TLS is up, so the abuser's next step starts on a live session.
    final class HandshakeWatcher: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let promise: EventLoopPromise<Void>
        init(promise: EventLoopPromise<Void>) { self.promise = promise }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if let event = event as? TLSUserEvent, case .handshakeCompleted = event { promise.succeed() }
            context.fireUserInboundEventTriggered(event)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {}  // whatever the server says is ignored

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            promise.fail(error)
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise.fail(ChannelError.ioOnClosedChannel)
            context.fireChannelInactive()
        }
    }
}
