import Logging
import NIOCore
import NIOEmbedded
import NIOTLS
import RegistryService
import RegistryWire
import SwiftProtobuf
import Testing

@testable import RegistryServer

/// The connection handler on an `EmbeddedChannel`: frames in, frames out, and the timeouts
/// of PROTOCOL.md §3 on the channel's virtual clock, so no test sleeps.
@Suite("Server connection handler")
struct ServerConnectionHandlerTests {
    static let ministry = try! Principal(uri: "spiffe://registry.bailiff.kz/role/ministry")

    static func timeouts(
        handshake: Int64 = 10, preface: Int64 = 5, idle: Int64 = 300, pingInterval: Int64 = 60, pingTimeout: Int64 = 20,
        frameBody: Int64 = 30
    ) -> ConnectionTimeouts {
        var timeouts = ConnectionTimeouts()
        timeouts.handshake = .seconds(handshake)
        timeouts.preface = .seconds(preface)
        timeouts.idle = .seconds(idle)
        timeouts.pingInterval = .seconds(pingInterval)
        timeouts.pingTimeout = .seconds(pingTimeout)
        timeouts.frameBody = .seconds(frameBody)
        return timeouts
    }

    /// A channel with the server's frame decoder and connection handler, connected.
    static func channel(_ timeouts: ConnectionTimeouts = timeouts(), budget: PartialFrameBudget = PartialFrameBudget(limit: 1 << 20)) throws
        -> EmbeddedChannel
    {
        var table = MethodTable()
        table.register(HealthMethods.check) { _, context in WireHealthCheckResponse.with { $0.caller = context.principal.uri } }
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(
            ByteToMessageHandler(ServerFrameDecoder(maxFrameBytes: 4096, bodyTimeout: timeouts.frameBody, budget: budget)))
        try channel.pipeline.syncOperations.addHandler(
            ServerConnectionHandler(
                table: table, limits: ConnectionLimits(), timeouts: timeouts, metrics: ServerMetrics(), logger: Logger(label: "test"),
                identify: { _ in ministry }
            ))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    static func handshake(_ channel: EmbeddedChannel) {
        channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
    }

    static func send(_ frame: WireFrame, on channel: EmbeddedChannel) throws {
        try channel.writeInbound(try FrameCodec.encode(frame))
    }

    static func sendPreface(on channel: EmbeddedChannel) throws {
        var preface = WireFrame()
        preface.preface = WirePreface.with { $0.protocolVersion = 1 }
        try send(preface, on: channel)
    }

    /// Every frame the server wrote so far.
    static func written(_ channel: EmbeddedChannel) throws -> [WireFrame] {
        var frames: [WireFrame] = []
        while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
            while let body = try FrameDecoder.nextFrame(in: &buffer, maxFrameBytes: 1 << 20) {
                frames.append(try FrameCodec.decode(body))
            }
        }
        return frames
    }

    static func goAway(_ frames: [WireFrame]) -> RPCError? {
        frames.last.flatMap { frame in
            guard case .goAway(let goAway) = frame.kind else { return nil }
            return RPCError(status: goAway.status)
        }
    }

    @Test func aCallIsAnsweredOnItsConnection() throws {
        let channel = try Self.channel()
        Self.handshake(channel)
        try Self.sendPreface(on: channel)
        var request = WireFrame()
        request.callID = 3
        request.request = WireRequest.with { $0.method = HealthMethods.check.path }
        try Self.send(request, on: channel)
        channel.embeddedEventLoop.run()
        let frames = try Self.written(channel)
        #expect(frames.first?.preface.protocolVersion == 1)
        let answer = try #require(frames.last)
        #expect(answer.callID == 3)
        #expect(answer.response.status.code == 0)
        #expect(try WireHealthCheckResponse(serializedBytes: answer.response.payload).caller == Self.ministry.uri)
    }

    @Test func aConnectionThatNeverCompletesItsHandshakeIsClosedAfterTheHandshakeTimeout() throws {
        let channel = try Self.channel(Self.timeouts(handshake: 10))
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
        #expect(try Self.written(channel).isEmpty)
    }

    @Test func aConnectionThatSendsNoPrefaceIsToldWhyAndClosed() throws {
        let channel = try Self.channel(Self.timeouts(preface: 5))
        Self.handshake(channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(5))
        let goAway = Self.goAway(try Self.written(channel))
        #expect(goAway?.code == .deadlineExceeded)
        #expect(goAway?.message == "no Preface within 5000 ms of the handshake")
        #expect(!channel.isActive)
    }

    @Test func anIdleConnectionIsEndedWithGoAwayAndABusyOneIsNot() throws {
        let channel = try Self.channel(Self.timeouts(idle: 8, pingInterval: 1000, pingTimeout: 1000))
        Self.handshake(channel)
        try Self.sendPreface(on: channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(6))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(4))
        let goAway = Self.goAway(try Self.written(channel))
        #expect(goAway?.code == .unavailable)
        #expect(goAway?.message.hasPrefix("idle for 8 s") == true)
        #expect(!channel.isActive)
    }

    @Test func aSilentPeerIsPingedAndClosedWhenNoPongComes() throws {
        let channel = try Self.channel(Self.timeouts(idle: 1000, pingInterval: 4, pingTimeout: 4))
        Self.handshake(channel)
        try Self.sendPreface(on: channel)
        _ = try Self.written(channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(5))
        let ping = try Self.written(channel)
        guard case .ping(let sent) = ping.last?.kind else {
            Issue.record("no Ping after the interval: \(ping)")
            return
        }
        // A Pong keeps the connection.
        var pong = WireFrame()
        pong.pong = WirePong.with { $0.opaque = sent.opaque }
        try Self.send(pong, on: channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(3))
        #expect(channel.isActive)
        // Silence after the next Ping ends it.
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        let goAway = Self.goAway(try Self.written(channel))
        #expect(goAway?.message == "no answer to Ping")
        #expect(!channel.isActive)
    }

    @Test func aFrameWhoseBodyDoesNotArriveEndsTheConnectionAndFreesItsBytes() throws {
        let budget = PartialFrameBudget(limit: 1 << 20)
        let channel = try Self.channel(Self.timeouts(frameBody: 30), budget: budget)
        Self.handshake(channel)
        try Self.sendPreface(on: channel)
        var partial = ByteBuffer()
        partial.writeInteger(UInt32(1000))
        partial.writeBytes([UInt8](repeating: 0, count: 100))
        try channel.writeInbound(partial)
        #expect(budget.bytesHeld == 104)
        channel.embeddedEventLoop.advanceTime(by: .seconds(30))
        let goAway = Self.goAway(try Self.written(channel))
        #expect(goAway?.code == .deadlineExceeded)
        #expect(goAway?.message == "a frame's body did not arrive within 30000 ms of its first byte")
        #expect(!channel.isActive)
        #expect(budget.bytesHeld == 0)
    }

    @Test func unfinishedFramesPastTheServersBudgetEndTheConnectionThatWouldPassIt() throws {
        let budget = PartialFrameBudget(limit: 150)
        let first = try Self.channel(budget: budget)
        let second = try Self.channel(budget: budget)
        for channel in [first, second] {
            Self.handshake(channel)
            try Self.sendPreface(on: channel)
            _ = try Self.written(channel)
        }
        var partial = ByteBuffer()
        partial.writeInteger(UInt32(1000))
        partial.writeBytes([UInt8](repeating: 0, count: 96))
        try first.writeInbound(partial)
        #expect(budget.bytesHeld == 100)
        try second.writeInbound(partial)
        let goAway = Self.goAway(try Self.written(second))
        #expect(goAway?.code == .resourceExhausted)
        #expect(goAway?.message == "the server holds its limit of 150 bytes of unfinished frames; send frames whole")
        #expect(!second.isActive)
        #expect(first.isActive)
        #expect(budget.bytesHeld == 100)
    }
}
