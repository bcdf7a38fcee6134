import NIOCore
import SwiftProtobuf

/// Turns frames into bytes and back.
public enum FrameCodec {
    /// Appends `[u32 length][frame]` to `buffer`.
    public static func write(_ frame: WireFrame, into buffer: inout ByteBuffer) throws {
        let body: [UInt8] = try frame.serializedBytes()
        buffer.writeInteger(UInt32(body.count), endianness: .big)
        buffer.writeBytes(body)
    }

    public static func encode(_ frame: WireFrame, allocator: ByteBufferAllocator = ByteBufferAllocator()) throws -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 64)
        try write(frame, into: &buffer)
        return buffer
    }

    /// Parses one frame body (as emitted by `FrameDecoder`).
    public static func decode(_ body: ByteBuffer) throws -> WireFrame {
        try WireFrame(serializedBytes: Array(body.readableBytesView))
    }
}
