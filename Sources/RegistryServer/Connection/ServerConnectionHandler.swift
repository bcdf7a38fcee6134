import CoreMetrics
import Foundation
import Logging
import NIOCore
import NIOSSL
import NIOTLS
import RegistryPKI
import RegistryService
import RegistryWire
import SwiftProtobuf

/// One client connection on its channel: feeds `ConnectionStateMachine` what the channel
/// and the timers report, and carries out its actions: runs calls (each in its own task,
/// answered out of order), deadlines, cancellation, GoAway, and the timeouts of
/// PROTOCOL.md §3. Runs on its channel's event loop; calls come back through `NIOLoopBound`.
final class ServerConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// What the handler keeps for a call whose task suspended.
    struct CallResources {
        let task: Task<Void, Never>
        let timer: Scheduled<Void>
    }

    /// Reads the caller from the channel once TLS completes (the peer certificate's URI).
    typealias Identify = (ChannelHandlerContext) throws -> Principal

    private var machine: ConnectionStateMachine<CallResources>
    private let timeouts: ConnectionTimeouts
    private let metrics: ServerMetrics
    private var logger: Logger
    private let identify: Identify

    private var context: ChannelHandlerContext?
    private var flushPending = false
    private var inReadCycle = false
    private var drained: EventLoopPromise<Void>?
    private var handshakeTimer: Scheduled<Void>?
    private var prefaceTimer: Scheduled<Void>?
    private var ticker: RepeatedTask?
    /// When the connection last had no call in flight (nil while calls run).
    private var idleSince: NIODeadline?
    /// Read from the event loop's clock (`EventLoop.now`), so that tests can advance it.
    private var lastFrameAt = NIODeadline.uptimeNanoseconds(0)
    /// When the server's keepalive Ping went out, until any frame comes back.
    private var pingSentAt: NIODeadline?

    init(
        table: MethodTable, limits: ConnectionLimits, timeouts: ConnectionTimeouts = ConnectionTimeouts(), metrics: ServerMetrics,
        logger: Logger, identify: @escaping Identify = { try ServerConnectionHandler.peerCertificatePrincipal($0, unlessRevokedBy: []) }
    ) {
        self.machine = ConnectionStateMachine(limits: limits, table: table)
        self.timeouts = timeouts
        self.metrics = metrics
        self.logger = logger
        self.identify = identify
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        lastFrameAt = context.eventLoop.now
        metrics.connectionsAccepted.increment()
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        handshakeTimer = context.eventLoop.scheduleTask(in: timeouts.handshake) {
            bound.value.perform(bound.value.machine.handshakeTimedOut())
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopTimers()
        self.context = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            handshakeTimer?.cancel()
            establishIdentity(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func establishIdentity(context: ChannelHandlerContext) {
        do {
            let principal = try identify(context)
            machine.handshakeCompleted(principal)
            logger[metadataKey: "principal"] = "\(principal.uri)"
            let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
            let timeout = timeouts.preface
            prefaceTimer = context.eventLoop.scheduleTask(in: timeout) {
                bound.value.perform(bound.value.machine.prefaceTimedOut(after: timeout))
            }
        } catch let revoked as CertificateRevoked {
            logger.warning("refused a revoked client certificate", metadata: ["error": "\(revoked)"])
            perform(machine.certificateRevoked("\(revoked)"))
        } catch {
            logger.notice("client certificate names no valid identity", metadata: ["error": "\(error)"])
            perform(machine.identityRejected("\(error)"))
        }
    }

    /// The caller is whoever the verified client certificate names (one URI SAN), unless one of
    /// the CA's revocation lists revokes that certificate.
    static func peerCertificatePrincipal(_ context: ChannelHandlerContext, unlessRevokedBy lists: [RevocationList]) throws -> Principal {
        guard let certificate = try context.pipeline.syncOperations.nioSSL_peerCertificate() else {
            throw Principal.InvalidIdentity(description: "no client certificate")
        }
        let uris = try PeerIdentity.uris(inDER: certificate.toDERBytes(), unlessRevokedBy: lists)
        guard uris.count == 1 else {
            throw Principal.InvalidIdentity(description: "client certificate must carry exactly one URI SAN, found \(uris.count)")
        }
        return try Principal(uri: uris[0])
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        inReadCycle = true
        let body = unwrapInboundIn(data)
        guard machine.state != .closed, body.readableBytes > 0 else { return }  // zero-length frames are ignored
        lastFrameAt = context.eventLoop.now
        pingSentAt = nil
        let wasAwaitingPreface = machine.state == .awaitingPreface
        let frame: WireFrame
        do {
            frame = try FrameCodec.decode(body)
        } catch {
            return perform(machine.malformedFrame())
        }
        perform(machine.frameReceived(frame))
        if wasAwaitingPreface, machine.state == .open { connectionOpened(context: context) }
    }

    /// The Preface is in: the idle and keepalive clocks start.
    private func connectionOpened(context: ChannelHandlerContext) {
        prefaceTimer?.cancel()
        idleSince = context.eventLoop.now
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        ticker = context.eventLoop.scheduleRepeatedTask(initialDelay: timeouts.tick, delay: timeouts.tick) { _ in bound.value.tick() }
    }

    /// Checks the idle and keepalive clocks.
    private func tick() {
        guard let context else { return }
        let now = context.eventLoop.now
        if let idleSince, now - idleSince >= timeouts.idle {
            return perform(machine.idleTimedOut(after: timeouts.idle))
        }
        if let pingSentAt {
            if now - pingSentAt >= timeouts.pingTimeout { perform(machine.peerUnresponsive()) }
        } else if now - lastFrameAt >= timeouts.pingInterval {
            pingSentAt = now
            var ping = WireFrame()
            ping.ping = WirePing.with { $0.opaque = UInt64(now.uptimeNanoseconds) }
            write(ping, context: context)
        }
    }

    /// Carries out what the state machine decided.
    private func perform(_ action: ConnectionStateMachine<CallResources>.Action) {
        guard let context else { return }
        switch action {
        case .none:
            break
        case .write(let frame):
            write(frame, context: context)
        case .answer(let callID, let requestID, let error, let release):
            if let release {
                release.task.cancel()
                release.timer.cancel()
            }
            respond(callID, requestID: requestID, error: error, context: context)
            callEnded(context: context)
        case .start(let callID, let serial, let method, let call, let timeout):
            start(callID, serial: serial, method: method, call: call, timeoutMilliseconds: timeout, context: context)
        case .goAwayAndClose(let frame, let reason):
            metrics.connectionClosed(reason)
            if reason != .idle {
                logger.notice("closing connection", metadata: ["reason": "\(reason.rawValue)", "status": "\(frame.goAway.status.message)"])
            }
            var buffer = context.channel.allocator.buffer(capacity: 128)
            try? FrameCodec.write(frame, into: &buffer)
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in channel.close(promise: nil) }
        case .close(let reason):
            metrics.connectionClosed(reason)
            context.close(promise: nil)
        }
    }

    private func start(
        _ callID: UInt64, serial: UInt64, method: MethodTable.Method, call: CallContext, timeoutMilliseconds: UInt32,
        context: ChannelHandlerContext
    ) {
        idleSince = nil
        let loop = context.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        // The call starts right here on the event loop and runs until it first suspends: at
        // the store's reader pool for a read, at the writer for a mutation, so neither holds
        // the loop. Only a lookup by key that cannot scan (GetLicense) stays, answered inline.
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
        // A call answered inline never pays for a timer.
        guard machine.isInFlight(callID, serial: serial) else { return }
        let timer = loop.scheduleTask(in: .milliseconds(Int64(timeoutMilliseconds))) { bound.value.expire(callID) }
        _ = machine.started(callID, serial: serial, resources: CallResources(task: task, timer: timer))
    }

    private func finish(_ callID: UInt64, serial: UInt64, _ result: Result<[UInt8], any Error>) {
        guard let context, let call = machine.finished(callID, serial: serial) else { return }
        call.resources?.timer.cancel()
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
        callEnded(context: context)
    }

    private func expire(_ callID: UInt64) {
        guard let context, let call = machine.deadlinePassed(callID) else { return }
        call.resources?.task.cancel()
        respond(
            callID, requestID: call.requestID,
            error: RPCError(code: .deadlineExceeded, message: "the call did not finish within its deadline"), context: context)
        callEnded(context: context)
    }

    /// A call left flight: the idle clock may start, a draining connection may close.
    private func callEnded(context: ChannelHandlerContext) {
        if machine.isIdle, idleSince == nil { idleSince = context.eventLoop.now }
        guard machine.closeIfDrained(), let promise = drained else { return }
        drained = nil
        let channel = context.channel
        context.flush()
        channel.close().whenComplete { _ in promise.succeed() }
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

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch error {
        case let tooLarge as FrameTooLarge: perform(machine.frameTooLarge(tooLarge.description))
        case let slow as FrameBodyTimedOut: perform(machine.frameBodyTimedOut(slow.description))
        case let budget as FrameBudgetExhausted: perform(machine.frameBudgetExhausted(budget.description))
        default:
            if machine.state == .awaitingHandshake {
                metrics.handshakeFailures.increment()
            }
            logger.debug("connection error", metadata: ["error": "\(error)"])
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        for call in machine.channelClosed() {
            call.resources?.task.cancel()
            call.resources?.timer.cancel()
        }
        stopTimers()
        drained?.succeed()
        drained = nil
        context.fireChannelInactive()
    }

    private func stopTimers() {
        handshakeTimer?.cancel()
        prefaceTimer?.cancel()
        ticker?.cancel()
        handshakeTimer = nil
        prefaceTimer = nil
        ticker = nil
    }

    /// Graceful shutdown of this connection: GoAway naming the last accepted call,
    /// answer what is in flight, then close. The future completes when closed.
    func goAway() -> EventLoopFuture<Void> {
        guard let context else { preconditionFailure("goAway before handlerAdded") }
        // Nothing to say before TLS completes: just close.
        if machine.state == .awaitingHandshake { return context.close() }
        guard let frame = machine.goAwayRequested() else { return context.eventLoop.makeSucceededVoidFuture() }
        write(frame, context: context)
        let promise = context.eventLoop.makePromise(of: Void.self)
        drained = promise
        callEnded(context: context)
        return promise.futureResult
    }
}
