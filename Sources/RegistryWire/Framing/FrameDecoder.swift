import NIOCore

/// Splits a byte stream into frame bodies: `[u32 big-endian length][body]`.
/// Emits each body as a `ByteBuffer` slice; holds partial frames until complete;
/// emits zero-length bodies too (the protocol ignores them). A declared length
/// above `maxFrameBytes` is an error before any of its body is buffered.
public struct FrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    public let maxFrameBytes: Int

    public init(maxFrameBytes: Int = ProtocolConstants.defaultMaxFrameBytes) {
        self.maxFrameBytes = maxFrameBytes
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let body = try Self.nextFrame(in: &buffer, maxFrameBytes: maxFrameBytes) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(body))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A partial frame at EOF is dropped: the peer went away mid-frame.
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// The framing rule on its own, for the decoder, the client and tests.
    public static func nextFrame(in buffer: inout ByteBuffer, maxFrameBytes: Int) throws -> ByteBuffer? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else { return nil }
        guard Int(length) <= maxFrameBytes else {
            throw FrameTooLarge(length: Int(length), limit: maxFrameBytes)
        }
        guard buffer.readableBytes >= 4 + Int(length) else { return nil }
        buffer.moveReaderIndex(forwardBy: 4)
        return buffer.readSlice(length: Int(length))
    }
}

/// A frame declared larger than the limit: the connection is closed after a
/// RESOURCE_EXHAUSTED GoAway.
public struct FrameTooLarge: Error, Hashable, CustomStringConvertible {
    public let length: Int
    public let limit: Int
    public var description: String { "frame of \(length) bytes exceeds the limit of \(limit) bytes" }
}
