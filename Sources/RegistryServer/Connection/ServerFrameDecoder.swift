import NIOCore
import RegistryWire

/// The server's frame splitter: the framing rule of `FrameDecoder`, and two guards against a
/// peer that starts frames and never finishes them: a frame's body must arrive within
/// `bodyTimeout` of its first byte, and the bytes of unfinished frames count against the
/// server-wide `budget`.
struct ServerFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    let maxFrameBytes: Int
    let bodyTimeout: TimeAmount
    let budget: PartialFrameBudget
    /// Bytes of this connection's unfinished frame counted in the budget.
    private var held = 0
    private var bodyTimer: Scheduled<Void>?

    init(maxFrameBytes: Int, bodyTimeout: TimeAmount, budget: PartialFrameBudget) {
        self.maxFrameBytes = maxFrameBytes
        self.bodyTimeout = bodyTimeout
        self.budget = budget
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if let body = try FrameDecoder.nextFrame(in: &buffer, maxFrameBytes: maxFrameBytes) {
            // A frame completed: the next one gets its own time.
            bodyTimer?.cancel()
            bodyTimer = nil
            context.fireChannelRead(Self.wrapInboundOut(body))
            return .continue
        }
        let partial = buffer.readableBytes
        if partial != held {
            guard budget.update(from: held, to: partial) else {
                throw FrameBudgetExhausted(limit: budget.limit)
            }
            held = partial
        }
        if partial > 0, bodyTimer == nil {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let timeout = bodyTimeout
            bodyTimer = context.eventLoop.scheduleTask(in: timeout) {
                bound.value.fireErrorCaught(FrameBodyTimedOut(timeout: timeout))
            }
        }
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A partial frame at EOF is dropped: the peer went away mid-frame.
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    mutating func decoderRemoved(context: ChannelHandlerContext) {
        bodyTimer?.cancel()
        bodyTimer = nil
        _ = budget.update(from: held, to: 0)
        held = 0
    }
}

/// A frame's body did not arrive in time: GoAway(DEADLINE_EXCEEDED) and close.
struct FrameBodyTimedOut: Error, CustomStringConvertible {
    let timeout: TimeAmount
    var description: String { "a frame's body did not arrive within \(timeout.nanoseconds / 1_000_000) ms of its first byte" }
}

/// The server holds as many bytes of unfinished frames as it will: GoAway(RESOURCE_EXHAUSTED).
struct FrameBudgetExhausted: Error, CustomStringConvertible {
    let limit: Int
    var description: String { "the server holds its limit of \(limit) bytes of unfinished frames; send frames whole" }
}
