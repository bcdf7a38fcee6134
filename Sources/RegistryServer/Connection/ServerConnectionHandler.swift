import CoreMetrics
import Enforcement
import Foundation
import Licensing
import Logging
import NIOCore
import NIOSSL
import NIOTLS
import RegistryPKI
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf

/// One client connection: preface, identity from the certificate, dispatch of
/// many concurrent calls (each in its own task, answered out of order),
/// deadlines, cancellation, ping, and GoAway. Runs on its channel's event loop;
/// calls come back to it through `NIOLoopBound`.
final class ServerConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    struct Limits: Sendable {
        var maxConcurrentCalls = ProtocolConstants.defaultMaxConcurrentCalls
        var maxFrameBytes = ProtocolConstants.defaultMaxFrameBytes
        var defaultTimeoutMilliseconds = ProtocolConstants.defaultTimeoutMilliseconds
    }

    private enum State { case awaitingPreface, open, goingAway, closed }

    private struct InFlightCall {
        /// Tells this call from a later one that reuses its id after a cancel or a
        /// deadline, so a late-finishing task cannot answer the newer call.
        let serial: UInt64
        var task: Task<Void, Never>?
        var timer: Scheduled<Void>?
        let requestID: String
    }

    private let table: MethodTable
    private let limits: Limits
    private let metrics: ServerMetrics
    private var logger: Logger
    private let serverName: String

    private var state = State.awaitingPreface
    private var principal: Principal?
    private var inFlight: [UInt64: InFlightCall] = [:]
    private var highestCallID: UInt64 = 0
    private var nextSerial: UInt64 = 0
    private var context: ChannelHandlerContext?
    private var flushPending = false
    private var inReadCycle = false
    private var drained: EventLoopPromise<Void>?
    /// Request ids the server makes up are this prefix and the call id: unique enough to
    /// correlate logs and audit entries, and far cheaper than a UUID per call.
    private let requestIDPrefix = String(UInt64.random(in: 0...UInt64.max), radix: 36)

    init(table: MethodTable, limits: Limits, metrics: ServerMetrics, logger: Logger, serverName: String) {
        self.table = table
        self.limits = limits
        self.metrics = metrics
        self.logger = logger
        self.serverName = serverName
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        metrics.connectionsAccepted.increment()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            establishIdentity(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// The caller is whoever the verified client certificate names (one URI SAN).
    private func establishIdentity(context: ChannelHandlerContext) {
        do {
            guard let certificate = try context.pipeline.syncOperations.nioSSL_peerCertificate() else {
                throw Principal.InvalidIdentity(description: "no client certificate")
            }
            let uris = try PeerIdentity.uris(inDER: certificate.toDERBytes())
            guard uris.count == 1 else {
                throw Principal.InvalidIdentity(description: "client certificate must carry exactly one URI SAN, found \(uris.count)")
            }
            let principal = try Principal(uri: uris[0])
            self.principal = principal
            logger[metadataKey: "principal"] = "\(principal.uri)"
        } catch {
            metrics.identityRejected.increment()
            logger.notice("client certificate names no valid identity", metadata: ["error": "\(error)"])
            goAwayAndClose(context: context, code: .unauthenticated, message: "client certificate names no valid identity: \(error)")
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        inReadCycle = true
        let body = unwrapInboundIn(data)
        guard state != .closed, body.readableBytes > 0 else { return } // zero-length frames are ignored
        let frame: WireFrame
        do {
            frame = try FrameCodec.decode(body)
        } catch {
            metrics.malformedFrames.increment()
            goAwayAndClose(context: context, code: .invalidArgument, message: "frame is not a valid Frame message")
            return
        }
        guard let kind = frame.kind else {
            protocolViolation(context: context, "frame has no kind")
            return
        }
        if state == .awaitingPreface {
            guard case .preface(let preface) = kind else {
                protocolViolation(context: context, "the first frame must be a Preface")
                return
            }
            guard preface.protocolVersion == ProtocolConstants.version else {
                goAwayAndClose(context: context, code: .failedPrecondition,
                               message: "protocol version \(preface.protocolVersion) is not supported; this server speaks \(ProtocolConstants.version)")
                return
            }
            state = .open
            var reply = WireFrame()
            reply.preface = WirePreface.with {
                $0.protocolVersion = ProtocolConstants.version
                $0.peerName = serverName
                $0.maxFrameBytes = UInt32(limits.maxFrameBytes)
                $0.maxConcurrentCalls = UInt32(limits.maxConcurrentCalls)
            }
            write(reply, context: context)
            return
        }
        switch kind {
        case .request(let request): startCall(frame.callID, request, context: context)
        case .cancel: cancelCall(frame.callID, context: context)
        case .ping(let ping):
            var pong = WireFrame()
            pong.pong = WirePong.with { $0.opaque = ping.opaque }
            write(pong, context: context)
        case .pong: break
        case .preface: protocolViolation(context: context, "a second Preface")
        case .response, .goAway: protocolViolation(context: context, "clients do not send Response or GoAway frames")
        }
    }

    private func startCall(_ callID: UInt64, _ request: WireRequest, context: ChannelHandlerContext) {
        guard callID != 0 else { return protocolViolation(context: context, "call id 0 is reserved for the connection") }
        guard inFlight[callID] == nil else { return protocolViolation(context: context, "call id \(callID) is already in flight") }
        guard let principal else { return } // identity failed: the connection is closing
        // Both are stored with the call's audit entry: short printable text only (TextFieldPolicy).
        let idProblem = TextFieldPolicy.problem(in: request.requestID, maxBytes: TextFieldPolicy.maxKeyBytes)
        let requestID = request.requestID.isEmpty || idProblem != nil ? "\(requestIDPrefix)-\(callID)" : request.requestID
        for (field, problem) in [("request_id", idProblem), ("idempotency_key", TextFieldPolicy.problem(in: request.idempotencyKey, maxBytes: TextFieldPolicy.maxKeyBytes))] {
            guard let problem else { continue }
            return respond(callID, requestID: requestID, error: RPCError(code: .invalidArgument, message: "\(field): \(problem)", reason: "INVALID_TEXT",
                                                                         fieldViolations: [.init(field: field, description: problem)]), context: context)
        }
        guard state == .open else {
            return respond(callID, requestID: requestID, error: RPCError(code: .unavailable, message: "server is shutting down; retry on a new connection"), context: context)
        }
        guard inFlight.count < limits.maxConcurrentCalls else {
            return respond(callID, requestID: requestID, error: RPCError(code: .resourceExhausted, message: "more than \(limits.maxConcurrentCalls) calls in flight on this connection"), context: context)
        }
        guard let method = table.method(for: request.method) else {
            return respond(callID, requestID: requestID, error: RPCError(code: .unimplemented, message: "unknown method '\(request.method)'"), context: context)
        }
        highestCallID = max(highestCallID, callID)
        let call = CallContext(
            principal: principal, method: method.info, requestID: requestID,
            idempotencyKey: request.idempotencyKey.isEmpty ? nil : request.idempotencyKey,
            payload: request.payload
        )
        let loop = context.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        nextSerial += 1
        let serial = nextSerial
        inFlight[callID] = InFlightCall(serial: serial, task: nil, timer: nil, requestID: requestID)
        // The call starts right here on the event loop and runs until it first suspends.
        // A read never does (the store reads synchronously), so it is answered inline with
        // no thread hop; a mutation suspends at the database writer and finishes later.
        let task = Task.immediate {
            let result: Result<[UInt8], any Error>
            do { result = .success(try await method.run(call)) } catch { result = .failure(error) }
            if loop.inEventLoop {
                bound.value.finish(callID, serial: serial, result)
            } else {
                loop.execute { bound.value.finish(callID, serial: serial, result) }
            }
        }
        // Still running: it suspended, so it needs its deadline and a handle to cancel it.
        if inFlight[callID] != nil {
            let timeout = request.timeoutMs == 0 ? limits.defaultTimeoutMilliseconds : request.timeoutMs
            inFlight[callID]?.task = task
            inFlight[callID]?.timer = loop.scheduleTask(in: .milliseconds(Int64(timeout))) { bound.value.expire(callID) }
        }
    }

    private func finish(_ callID: UInt64, serial: UInt64, _ result: Result<[UInt8], any Error>) {
        guard inFlight[callID]?.serial == serial, let call = inFlight.removeValue(forKey: callID), let context else { return }
        call.timer?.cancel()
        switch result {
        case .success(let payload):
            var frame = WireFrame()
            frame.callID = callID
            frame.response = WireResponse.with {
                $0.status = WireStatus()
                $0.payload = Data(payload)
                $0.requestID = call.requestID
            }
            metrics.callFinished(code: 0)
            write(frame, context: context)
        case .failure(let error):
            respond(callID, requestID: call.requestID, error: statusError(error, requestID: call.requestID), context: context)
        }
        checkDrained(context: context)
    }

    private func expire(_ callID: UInt64) {
        guard let call = inFlight.removeValue(forKey: callID), let context else { return }
        call.task?.cancel()
        respond(callID, requestID: call.requestID, error: RPCError(code: .deadlineExceeded, message: "the call did not finish within its deadline"), context: context)
        checkDrained(context: context)
    }

    private func cancelCall(_ callID: UInt64, context: ChannelHandlerContext) {
        guard let call = inFlight.removeValue(forKey: callID) else { return }
        call.task?.cancel()
        call.timer?.cancel()
        respond(callID, requestID: call.requestID, error: RPCError(code: .cancelled, message: "cancelled by the client"), context: context)
        checkDrained(context: context)
    }

    /// Maps whatever a handler threw to a status; internals never leak to the caller.
    private func statusError(_ error: any Error, requestID: String) -> RPCError {
        guard RPCError.isUnexpected(error) else { return RPCError(mapping: error) }
        logger.error("call failed", metadata: ["request_id": "\(requestID)", "error": "\(error)"])
        return RPCError(code: .internal, message: "internal error; quote request id \(requestID) to the operator")
    }

    private func respond(_ callID: UInt64, requestID: String, error: RPCError, context: ChannelHandlerContext) {
        var frame = WireFrame()
        frame.callID = callID
        frame.response = WireResponse.with {
            $0.status = error.status
            $0.requestID = requestID
        }
        metrics.callFinished(code: error.code.rawValue)
        write(frame, context: context)
    }

    private func write(_ frame: WireFrame, context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 128)
        do {
            try FrameCodec.write(frame, into: &buffer)
        } catch {
            logger.error("could not encode a frame", metadata: ["error": "\(error)"])
            return
        }
        context.write(wrapOutboundOut(buffer), promise: nil)
        // Coalesce: answers written while reading are flushed once in channelReadComplete;
        // others once per event-loop turn, however many were written in it.
        guard !flushPending else { return }
        flushPending = true
        if !inReadCycle {
            context.eventLoop.execute { [bound = NIOLoopBound(self, eventLoop: context.eventLoop)] in
                bound.value.flushNow()
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        inReadCycle = false
        if flushPending { flushNow() }
        context.fireChannelReadComplete()
    }

    private func flushNow() {
        guard flushPending else { return }
        flushPending = false
        context?.flush()
    }

    private func protocolViolation(context: ChannelHandlerContext, _ message: String) {
        metrics.protocolViolations.increment()
        goAwayAndClose(context: context, code: .invalidArgument, message: "protocol violation: \(message)")
    }

    private func goAwayAndClose(context: ChannelHandlerContext, code: StatusCode, message: String) {
        guard state != .closed else { return }
        state = .closed
        var frame = WireFrame()
        frame.goAway = WireGoAway.with {
            $0.lastCallID = highestCallID
            $0.status = RPCError(code: code, message: message).status
        }
        var buffer = context.channel.allocator.buffer(capacity: 128)
        try? FrameCodec.write(frame, into: &buffer)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in channel.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let tooLarge = error as? FrameTooLarge {
            metrics.oversizeFrames.increment()
            goAwayAndClose(context: context, code: .resourceExhausted, message: tooLarge.description)
            return
        }
        logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        state = .closed
        for call in inFlight.values {
            call.task?.cancel()
            call.timer?.cancel()
        }
        inFlight.removeAll()
        drained?.succeed()
        drained = nil
        context.fireChannelInactive()
    }

    /// Graceful shutdown of this connection: GoAway naming the last accepted call,
    /// answer what is in flight, then close. The future completes when closed.
    func goAway() -> EventLoopFuture<Void> {
        guard let context else { preconditionFailure("goAway before handlerAdded") }
        guard state == .open || state == .awaitingPreface else { return context.eventLoop.makeSucceededVoidFuture() }
        state = .goingAway
        var frame = WireFrame()
        frame.goAway = WireGoAway.with {
            $0.lastCallID = highestCallID
            $0.status = RPCError(code: .unavailable, message: "server is shutting down").status
        }
        write(frame, context: context)
        let promise = context.eventLoop.makePromise(of: Void.self)
        drained = promise
        checkDrained(context: context)
        return promise.futureResult
    }

    private func checkDrained(context: ChannelHandlerContext) {
        guard state == .goingAway, inFlight.isEmpty, let promise = drained else { return }
        drained = nil
        state = .closed
        let channel = context.channel
        context.flush()
        channel.close().whenComplete { _ in promise.succeed() }
    }
}
