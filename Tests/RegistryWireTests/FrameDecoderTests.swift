import NIOCore
import NIOEmbedded
import RegistryWire
import SwiftProtobuf
import Testing

/// The framing of Protocols/PROTOCOL.md: [u32 big-endian length][Frame].
@Suite("Frame decoder")
struct FrameDecoderTests {
    func channel(limit: Int = 1024) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maxFrameBytes: limit)))
        return channel
    }

    func bytes(_ frame: WireFrame) throws -> ByteBuffer { try FrameCodec.encode(frame) }

    func ping(_ n: UInt64) -> WireFrame {
        var f = WireFrame()
        f.ping = WirePing.with { $0.opaque = n }
        return f
    }

    func readFrames(_ channel: EmbeddedChannel) throws -> [WireFrame] {
        var frames: [WireFrame] = []
        while let body = try channel.readInbound(as: ByteBuffer.self) {
            frames.append(try FrameCodec.decode(body))
        }
        return frames
    }

    @Test func aFrameSplitAcrossReadsIsEmittedOnceComplete() throws {
        let channel = try channel()
        var all = try bytes(ping(7))
        let head = all.readSlice(length: 3)!
        let middle = all.readSlice(length: 4)!
        try channel.writeInbound(head)
        try channel.writeInbound(middle)
        #expect(try readFrames(channel).isEmpty)
        try channel.writeInbound(all)
        #expect(try readFrames(channel).map(\.ping.opaque) == [7])
    }

    @Test func severalFramesInOneReadAreAllEmittedInOrder() throws {
        let channel = try channel()
        var buffer = ByteBuffer()
        for n in 1...5 { try FrameCodec.write(ping(UInt64(n)), into: &buffer) }
        try channel.writeInbound(buffer)
        #expect(try readFrames(channel).map(\.ping.opaque) == [1, 2, 3, 4, 5])
    }

    @Test func aZeroLengthFrameIsAnEmptyBody() throws {
        let channel = try channel()
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(0))
        try FrameCodec.write(ping(9), into: &buffer)
        try channel.writeInbound(buffer)
        let first = try channel.readInbound(as: ByteBuffer.self)
        #expect(first?.readableBytes == 0)
        #expect(try readFrames(channel).map(\.ping.opaque) == [9])
    }

    @Test func aFrameOverTheLimitIsRefusedBeforeItsBodyArrives() throws {
        let channel = try channel(limit: 1024)
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(1025))
        let error = #expect(throws: FrameTooLarge.self) { try channel.writeInbound(buffer) }
        #expect(error?.length == 1025)
        #expect(error?.limit == 1024)
    }

    @Test func aFrameExactlyAtTheLimitIsAccepted() throws {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(16))
        buffer.writeBytes([UInt8](repeating: 0, count: 16))
        let body = try FrameDecoder.nextFrame(in: &buffer, maxFrameBytes: 16)
        #expect(body?.readableBytes == 16)
    }

    @Test func garbageWithinTheLimitDecodesAsBytesButNotAsAFrame() throws {
        let channel = try channel()
        var buffer = ByteBuffer()
        let garbage: [UInt8] = [0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]
        buffer.writeInteger(UInt32(garbage.count))
        buffer.writeBytes(garbage)
        try channel.writeInbound(buffer)
        let body = try #require(try channel.readInbound(as: ByteBuffer.self))
        #expect(throws: (any Error).self) { try FrameCodec.decode(body) }
    }

    @Test func randomBytesNeverCrashTheDecoder() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var buffer = ByteBuffer()
            buffer.writeBytes((0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            while true {
                guard let body = try? FrameDecoder.nextFrame(in: &buffer, maxFrameBytes: 1024) else { break }
                _ = try? FrameCodec.decode(body)
            }
        }
    }
}

@Suite("PROTOCOL.md examples")
struct ProtocolExampleTests {
    @Test func thePingExampleOfSection2IsByteExact() throws {
        var frame = WireFrame()
        frame.ping = WirePing.with { $0.opaque = 1 }
        let buffer = try FrameCodec.encode(frame)
        #expect(Array(buffer.readableBytesView) == [0x00, 0x00, 0x00, 0x04, 0x32, 0x02, 0x08, 0x01])
    }
}
