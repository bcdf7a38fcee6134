import Foundation
import NIOCore
import RegistryService
import RegistryWire
import SwiftProtobuf

/// The protocol logic of one server connection (PROTOCOL.md §3–4), apart from the channel:
/// events in, actions out, no I/O. `ServerConnectionHandler` feeds it what the channel and
/// the timers report and carries out what it answers, in the manner of Hummingbird's
/// `HTTP2ServerConnectionManager.StateMachine`. `Resources` is what the handler keeps per
/// call (its task and deadline timer); the machine only stores it.
struct ConnectionStateMachine<Resources> {
    enum State: Equatable {
        /// TCP is up; the TLS handshake has not completed.
        case awaitingHandshake
        /// The caller is identified; its Preface has not arrived.
        case awaitingPreface
        case open
        /// GoAway sent: calls in flight are answered, new ones refused, then the connection closes.
        case draining
        case closed
    }

    /// A call in flight.
    struct Call {
        /// Tells this call from a later one that reuses its id after a cancel or a
        /// deadline, so a late-finishing task cannot answer the newer call.
        let serial: UInt64
        let requestID: String
        /// Shared with the call's unit of work: once it commits, the call is not abandoned.
        let gate: CallGate
        var resources: Resources?
    }

    enum Action {
        case none
        /// Write a frame (a Preface, a Pong, a Ping).
        case write(WireFrame)
        /// Answer one call with an error; the connection stays open. `release` holds the
        /// resources of a call that was in flight (a cancelled one), to cancel and free.
        case answer(callID: UInt64, requestID: String, RPCError, release: Resources? = nil)
        /// Run the call; the handler reports back with `started`, then `finished`.
        case start(callID: UInt64, serial: UInt64, method: MethodTable.Method, call: CallContext, timeoutMilliseconds: UInt32)
        /// Send this GoAway and close once it is written.
        case goAwayAndClose(WireFrame, reason: ConnectionCloseReason)
        /// Close at once: nothing can be said (no TLS session yet).
        case close(reason: ConnectionCloseReason)
    }

    private(set) var state = State.awaitingHandshake
    private(set) var principal: Principal?
    private var inFlight: [UInt64: Call] = [:]
    private(set) var highestCallID: UInt64 = 0
    private var nextSerial: UInt64 = 0
    let limits: ConnectionLimits
    let table: MethodTable
    /// Request ids the server makes up are this prefix and the call id: unique enough to
    /// correlate logs and audit entries, and far cheaper than a UUID per call.
    let requestIDPrefix: String

    init(limits: ConnectionLimits, table: MethodTable, requestIDPrefix: String = String(UInt64.random(in: 0...UInt64.max), radix: 36)) {
        self.limits = limits
        self.table = table
        self.requestIDPrefix = requestIDPrefix
    }

    var callsInFlight: Int { inFlight.count }

    /// The connection has no call to answer; the idle timer counts from here.
    var isIdle: Bool { inFlight.isEmpty }

    // MARK: - Identity and preface

    /// TLS completed and the certificate names `principal`.
    mutating func handshakeCompleted(_ principal: Principal) {
        guard state == .awaitingHandshake else { return }
        self.principal = principal
        state = .awaitingPreface
    }

    /// TLS completed but the certificate names no valid identity.
    mutating func identityRejected(_ problem: String) -> Action {
        goAway(.unauthenticated, "client certificate names no valid identity: \(problem)", reason: .identity)
    }

    /// A revocation list of the client CA names the client's certificate (PROTOCOL.md §3).
    mutating func certificateRevoked(_ problem: String) -> Action {
        goAway(.unauthenticated, problem, reason: .revoked)
    }

    mutating func handshakeTimedOut() -> Action {
        guard state == .awaitingHandshake else { return .none }
        state = .closed
        return .close(reason: .handshakeTimeout)
    }

    mutating func prefaceTimedOut(after timeout: TimeAmount) -> Action {
        guard state == .awaitingPreface else { return .none }
        return goAway(
            .deadlineExceeded, "no Preface within \(timeout.nanoseconds / 1_000_000) ms of the handshake", reason: .prefaceTimeout)
    }

    // MARK: - Frames

    mutating func malformedFrame() -> Action {
        goAway(.invalidArgument, "frame is not a valid Frame message", reason: .malformedFrame)
    }

    mutating func frameTooLarge(_ problem: String) -> Action {
        goAway(.resourceExhausted, problem, reason: .oversizeFrame)
    }

    mutating func frameBodyTimedOut(_ problem: String) -> Action {
        goAway(.deadlineExceeded, problem, reason: .frameBodyTimeout)
    }

    mutating func frameBudgetExhausted(_ problem: String) -> Action {
        goAway(.resourceExhausted, problem, reason: .frameBudget)
    }

    mutating func frameReceived(_ frame: WireFrame) -> Action {
        guard state != .closed, state != .awaitingHandshake else { return .none }
        guard let kind = frame.kind else { return violation("frame has no kind") }
        if state == .awaitingPreface {
            guard case .preface(let preface) = kind else { return violation("the first frame must be a Preface") }
            guard preface.protocolVersion == ProtocolConstants.version else {
                return goAway(
                    .failedPrecondition,
                    "protocol version \(preface.protocolVersion) is not supported; this server speaks \(ProtocolConstants.version)",
                    reason: .protocolVersion)
            }
            state = .open
            var reply = WireFrame()
            reply.preface = WirePreface.with {
                $0.protocolVersion = ProtocolConstants.version
                $0.peerName = "registryd"
                $0.maxFrameBytes = UInt32(limits.maxFrameBytes)
                $0.maxConcurrentCalls = UInt32(limits.maxConcurrentCalls)
            }
            return .write(reply)
        }
        switch kind {
        case .request(let request): return requestReceived(frame.callID, request)
        case .cancel: return cancelReceived(frame.callID)
        case .ping(let ping):
            var pong = WireFrame()
            pong.pong = WirePong.with { $0.opaque = ping.opaque }
            return .write(pong)
        case .pong: return .none
        case .preface: return violation("a second Preface")
        case .response, .goAway: return violation("clients do not send Response or GoAway frames")
        }
    }

    private mutating func requestReceived(_ callID: UInt64, _ request: WireRequest) -> Action {
        guard callID != 0 else { return violation("call id 0 is reserved for the connection") }
        guard inFlight[callID] == nil else { return violation("call id \(callID) is already in flight") }
        guard let principal else { return .none }
        // Both are stored with the call's audit entry: short printable text only (TextFieldPolicy).
        let idProblem = TextFieldPolicy.requestIDProblem(in: request.requestID)
        let requestID = request.requestID.isEmpty || idProblem != nil ? "\(requestIDPrefix)-\(callID)" : request.requestID
        for (field, problem) in [
            ("request_id", idProblem),
            ("idempotency_key", TextFieldPolicy.problem(in: request.idempotencyKey, maxBytes: TextFieldPolicy.maxKeyBytes)),
        ] {
            guard let problem else { continue }
            return .answer(
                callID: callID, requestID: requestID,
                RPCError(
                    code: .invalidArgument, message: "\(field): \(problem)", reason: "INVALID_TEXT",
                    fieldViolations: [.init(field: field, description: problem)]))
        }
        guard state == .open else {
            return .answer(
                callID: callID, requestID: requestID,
                RPCError(code: .unavailable, message: "server is shutting down; retry on a new connection"))
        }
        guard inFlight.count < limits.maxConcurrentCalls else {
            return .answer(
                callID: callID, requestID: requestID,
                RPCError(code: .resourceExhausted, message: "more than \(limits.maxConcurrentCalls) calls in flight on this connection"))
        }
        guard let method = table.method(for: request.method) else {
            return .answer(
                callID: callID, requestID: requestID, RPCError(code: .unimplemented, message: "unknown method '\(request.method)'"))
        }
        highestCallID = max(highestCallID, callID)
        nextSerial += 1
        let call = CallContext(
            principal: principal, method: method.info, requestID: requestID,
            idempotencyKey: request.idempotencyKey.isEmpty ? nil : request.idempotencyKey, payload: request.payload)
        inFlight[callID] = Call(serial: nextSerial, requestID: requestID, gate: call.gate, resources: nil)
        let timeout = request.timeoutMs == 0 ? limits.defaultTimeoutMilliseconds : request.timeoutMs
        return .start(callID: callID, serial: nextSerial, method: method, call: call, timeoutMilliseconds: timeout)
    }

    private mutating func cancelReceived(_ callID: UInt64) -> Action {
        // A call already committing is answered with its outcome instead.
        guard let call = inFlight[callID], call.gate.abandon(.cancelled) else { return .none }
        inFlight.removeValue(forKey: callID)
        return .answer(
            callID: callID, requestID: call.requestID, RPCError(code: .cancelled, message: "cancelled by the client"),
            release: call.resources)
    }

    // MARK: - Calls

    /// Whether this call (not a later one with its id) still waits for its answer.
    func isInFlight(_ callID: UInt64, serial: UInt64) -> Bool { inFlight[callID]?.serial == serial }

    /// The call's task suspended: it needs its deadline timer and a handle to cancel it.
    /// False when the call has already ended (it finished without suspending).
    mutating func started(_ callID: UInt64, serial: UInt64, resources: Resources) -> Bool {
        guard inFlight[callID]?.serial == serial else { return false }
        inFlight[callID]?.resources = resources
        return true
    }

    /// The call's task ended. Returns the call to answer, or nil when it was already answered
    /// (cancelled, past its deadline) and a newer call may hold the id.
    mutating func finished(_ callID: UInt64, serial: UInt64) -> Call? {
        guard inFlight[callID]?.serial == serial else { return nil }
        return inFlight.removeValue(forKey: callID)
    }

    /// The call's deadline passed: it is answered DEADLINE_EXCEEDED and its task cancelled,
    /// unless it is committing, when nil says to wait for its own answer.
    mutating func deadlinePassed(_ callID: UInt64) -> Call? {
        guard let call = inFlight[callID], call.gate.abandon(.deadline) else { return nil }
        return inFlight.removeValue(forKey: callID)
    }

    // MARK: - Ending

    /// Graceful shutdown: GoAway naming the last accepted call; calls in flight are still answered.
    mutating func goAwayRequested() -> WireFrame? {
        guard state == .open || state == .awaitingPreface else { return nil }
        state = .draining
        return goAwayFrame(.unavailable, "server is shutting down")
    }

    /// No call for the idle timeout: GoAway and close, as on a shutdown with nothing in flight.
    mutating func idleTimedOut(after timeout: TimeAmount) -> Action {
        guard state == .open, inFlight.isEmpty else { return .none }
        return goAway(
            .unavailable, "idle for \(timeout.nanoseconds / 1_000_000_000) s with no call; reconnect to call again", reason: .idle)
    }

    /// No frame at all, not even the Pong to the server's Ping, for the ping timeout.
    mutating func peerUnresponsive() -> Action {
        guard state != .closed else { return .none }
        return goAway(.unavailable, "no answer to Ping", reason: .unresponsive)
    }

    /// Draining with nothing left in flight: the handler closes the connection.
    mutating func closeIfDrained() -> Bool {
        guard state == .draining, inFlight.isEmpty else { return false }
        state = .closed
        return true
    }

    /// The channel went away: every call still in flight, whose task must be cancelled.
    mutating func channelClosed() -> [Call] {
        state = .closed
        defer { inFlight.removeAll() }
        for call in inFlight.values { _ = call.gate.abandon(.cancelled) }
        return Array(inFlight.values)
    }

    private mutating func violation(_ message: String) -> Action {
        goAway(.invalidArgument, "protocol violation: \(message)", reason: .protocolViolation)
    }

    private mutating func goAway(_ code: StatusCode, _ message: String, reason: ConnectionCloseReason) -> Action {
        guard state != .closed else { return .none }
        state = .closed
        return .goAwayAndClose(goAwayFrame(code, message), reason: reason)
    }

    func goAwayFrame(_ code: StatusCode, _ message: String) -> WireFrame {
        var frame = WireFrame()
        frame.goAway = WireGoAway.with {
            $0.lastCallID = highestCallID
            $0.status = RPCError(code: code, message: message).status
        }
        return frame
    }
}

/// Why the server ended a connection, for metrics and logs.
enum ConnectionCloseReason: String, CaseIterable, Sendable {
    case handshakeTimeout = "handshake_timeout"
    case prefaceTimeout = "preface_timeout"
    case idle
    case unresponsive
    case identity
    case revoked
    case protocolVersion = "protocol_version"
    case protocolViolation = "protocol_violation"
    case malformedFrame = "malformed_frame"
    case oversizeFrame = "oversize_frame"
    case frameBodyTimeout = "frame_body_timeout"
    case frameBudget = "frame_budget"
}

/// What one connection may do at once (PROTOCOL.md §2, §4).
struct ConnectionLimits: Sendable {
    var maxConcurrentCalls = ProtocolConstants.defaultMaxConcurrentCalls
    var maxFrameBytes = ProtocolConstants.defaultMaxFrameBytes
    var defaultTimeoutMilliseconds = ProtocolConstants.defaultTimeoutMilliseconds
}
