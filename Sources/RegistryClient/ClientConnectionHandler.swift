import Foundation
import NIOCore
import NIOTLS
import RegistryWire
import SwiftProtobuf

/// Client end of one connection: sends the preface, matches responses to calls
/// by id (in any order), applies local deadlines, and fails every pending call
/// when the server says GoAway or the connection drops. Event-loop confined.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        let continuation: CheckedContinuation<WireResponse, any Error>
        let deadline: NIODeadline
    }

    private var pending: [UInt64: Pending] = [:]
    private var pings: [UInt64: CheckedContinuation<Void, any Error>] = [:]
    private var context: ChannelHandlerContext?
    private var closedError: RPCError?
    private var flushPending = false
    /// One sweep for all deadlines instead of a timer per call.
    private var deadlineSweep: RepeatedTask?
    let ready: EventLoopPromise<Void>
    private let peerName: String

    init(ready: EventLoopPromise<Void>, peerName: String) {
        self.ready = ready
        self.peerName = peerName
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        var preface = WireFrame()
        preface.preface = WirePreface.with {
            $0.protocolVersion = ProtocolConstants.version
            $0.peerName = peerName
            $0.maxFrameBytes = UInt32(ProtocolConstants.defaultMaxFrameBytes)
        }
        write(preface, context: context)
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadlineSweep = context.eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(50), delay: .milliseconds(50)) { _ in
            bound.value.expireOverdue()
        }
        context.fireChannelActive()
    }

    private func expireOverdue() {
        let now = NIODeadline.now()
        for (id, call) in pending where call.deadline <= now { expire(id) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            ready.succeed()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func start(
        callID: UInt64, request: WireRequest, timeoutMilliseconds: UInt32, continuation: CheckedContinuation<WireResponse, any Error>
    ) {
        guard let context, closedError == nil else {
            continuation.resume(throwing: closedError ?? RPCError(code: .unavailable, message: "connection is not open"))
            return
        }
        // A little beyond the server's deadline, so the server's own answer usually wins.
        pending[callID] = Pending(continuation: continuation, deadline: .now() + .milliseconds(Int64(timeoutMilliseconds) + 250))
        var frame = WireFrame()
        frame.callID = callID
        frame.request = request
        write(frame, context: context)
    }

    func cancel(callID: UInt64) {
        guard let call = pending.removeValue(forKey: callID), let context else { return }
        call.continuation.resume(throwing: RPCError(code: .cancelled, message: "cancelled by the caller"))
        var frame = WireFrame()
        frame.callID = callID
        frame.cancel = WireCancel()
        write(frame, context: context)
    }

    private func expire(_ callID: UInt64) {
        guard let call = pending.removeValue(forKey: callID), let context else { return }
        call.continuation.resume(throwing: RPCError(code: .deadlineExceeded, message: "no answer within the deadline"))
        var frame = WireFrame()
        frame.callID = callID
        frame.cancel = WireCancel()
        write(frame, context: context)
    }

    func ping(opaque: UInt64, continuation: CheckedContinuation<Void, any Error>) {
        guard let context, closedError == nil else {
            continuation.resume(throwing: closedError ?? RPCError(code: .unavailable, message: "connection is not open"))
            return
        }
        pings[opaque] = continuation
        var frame = WireFrame()
        frame.ping = WirePing.with { $0.opaque = opaque }
        write(frame, context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let body = unwrapInboundIn(data)
        guard body.readableBytes > 0 else { return }
        guard let frame = try? FrameCodec.decode(body) else {
            failAll(RPCError(code: .internal, message: "server sent a malformed frame"))
            context.close(promise: nil)
            return
        }
        switch frame.kind {
        case .response(let response):
            pending.removeValue(forKey: frame.callID)?.continuation.resume(returning: response)
        case .goAway(let goAway):
            let status = RPCError(status: goAway.status)
            // Calls the server did not accept will never be answered; the rest will.
            if status.code != .unavailable {
                failAll(status)
            } else {
                closedError = status
                for id in Array(pending.keys) where id > goAway.lastCallID { fail(id, status) }
            }
        case .pong(let pong):
            pings.removeValue(forKey: pong.opaque)?.resume()
        case .ping(let ping):
            var pong = WireFrame()
            pong.pong = WirePong.with { $0.opaque = ping.opaque }
            write(pong, context: context)
        case .preface, .request, .cancel, nil:
            break
        }
    }

    private func fail(_ id: UInt64, _ error: RPCError) {
        pending.removeValue(forKey: id)?.continuation.resume(throwing: error)
    }

    private func failAll(_ error: RPCError) {
        if closedError == nil || closedError?.code == .unavailable { closedError = error }
        for id in Array(pending.keys) { fail(id, error) }
        for (_, ping) in pings { ping.resume(throwing: error) }
        pings.removeAll()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        ready.fail(error)
        failAll(RPCError(code: .unavailable, message: "connection failed: \(error)"))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadlineSweep?.cancel()
        deadlineSweep = nil
        ready.fail(RPCError(code: .unavailable, message: "connection closed during the handshake"))
        failAll(closedError ?? RPCError(code: .unavailable, message: "connection closed"))
        context.fireChannelInactive()
    }

    private func write(_ frame: WireFrame, context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 128)
        guard (try? FrameCodec.write(frame, into: &buffer)) != nil else { return }
        context.write(wrapOutboundOut(buffer), promise: nil)
        if !flushPending {
            flushPending = true
            let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
            context.eventLoop.execute { bound.value.flushNow() }
        }
    }

    private func flushNow() {
        flushPending = false
        context?.flush()
    }
}
