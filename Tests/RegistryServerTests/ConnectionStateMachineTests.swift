import NIOCore
import RegistryWire
import SwiftProtobuf
import Testing

@testable import RegistryServer
@testable import RegistryService

/// The connection's protocol logic on its own: events in, actions out (PROTOCOL.md §3–4).
@Suite("Connection state machine")
struct ConnectionStateMachineTests {
    typealias Machine = ConnectionStateMachine<String>

    static let ministry = try! Principal(uri: "spiffe://registry.bailiff.kz/role/ministry")

    static var table: MethodTable {
        var table = MethodTable()
        table.register(HealthMethods.check) { _, _ in WireHealthCheckResponse() }
        return table
    }

    static func machine(maxConcurrentCalls: Int = 256) -> Machine {
        var limits = ConnectionLimits()
        limits.maxConcurrentCalls = maxConcurrentCalls
        var machine = Machine(limits: limits, table: table, requestIDPrefix: "t")
        machine.handshakeCompleted(ministry)
        return machine
    }

    static func open(maxConcurrentCalls: Int = 256) -> Machine {
        var machine = machine(maxConcurrentCalls: maxConcurrentCalls)
        _ = machine.frameReceived(preface())
        return machine
    }

    static func preface(version: UInt32 = 1) -> WireFrame {
        var frame = WireFrame()
        frame.preface = WirePreface.with { $0.protocolVersion = version }
        return frame
    }

    static func request(_ callID: UInt64, method: String = HealthMethods.check.path, requestID: String = "") -> WireFrame {
        var frame = WireFrame()
        frame.callID = callID
        frame.request = WireRequest.with {
            $0.method = method
            $0.requestID = requestID
        }
        return frame
    }

    static func cancel(_ callID: UInt64) -> WireFrame {
        var frame = WireFrame()
        frame.callID = callID
        frame.cancel = WireCancel()
        return frame
    }

    /// The GoAway status of an action, when it is one.
    static func goAway(_ action: Machine.Action) -> (StatusCode, String, ConnectionCloseReason)? {
        guard case .goAwayAndClose(let frame, let reason) = action else { return nil }
        return (StatusCode(rawValue: frame.goAway.status.code), frame.goAway.status.message, reason)
    }

    static func answer(_ action: Machine.Action) -> (UInt64, RPCError, String?)? {
        guard case .answer(let callID, _, let error, let release) = action else { return nil }
        return (callID, error, release)
    }

    static func started(_ action: Machine.Action) -> (callID: UInt64, serial: UInt64, requestID: String, gate: CallGate)? {
        guard case .start(let callID, let serial, _, let call, _) = action else { return nil }
        return (callID, serial, call.requestID, call.gate)
    }

    @Test func thePrefaceComesFirstAndIsAnsweredWithTheServersLimits() {
        var machine = Self.machine(maxConcurrentCalls: 7)
        guard case .write(let reply) = machine.frameReceived(Self.preface()) else {
            Issue.record("no Preface reply")
            return
        }
        #expect(reply.preface.protocolVersion == 1)
        #expect(reply.preface.maxConcurrentCalls == 7)
        #expect(machine.state == .open)

        var early = Self.machine()
        let violation = Self.goAway(early.frameReceived(Self.request(1)))
        #expect(violation?.0 == .invalidArgument)
        #expect(violation?.1 == "protocol violation: the first frame must be a Preface")
        #expect(early.state == .closed)
    }

    @Test func anUnsupportedVersionIsRefusedNamingTheOneSpoken() {
        var machine = Self.machine()
        let refused = Self.goAway(machine.frameReceived(Self.preface(version: 2)))
        #expect(refused?.0 == .failedPrecondition)
        #expect(refused?.1 == "protocol version 2 is not supported; this server speaks 1")
        #expect(refused?.2 == .protocolVersion)
    }

    @Test func callIdZeroAndAnIdAlreadyInFlightAreProtocolViolations() {
        var zero = Self.open()
        let zeroID = Self.goAway(zero.frameReceived(Self.request(0)))
        #expect(zeroID?.1 == "protocol violation: call id 0 is reserved for the connection")
        var twice = Self.open()
        let first = Self.started(twice.frameReceived(Self.request(5)))
        #expect(first != nil)
        let reused = Self.goAway(twice.frameReceived(Self.request(5)))
        #expect(reused?.1 == "protocol violation: call id 5 is already in flight")
    }

    @Test func aCallOverTheConcurrencyLimitIsRefusedAndTheConnectionStaysOpen() {
        var machine = Self.open(maxConcurrentCalls: 2)
        let one = Self.started(machine.frameReceived(Self.request(1)))
        let two = Self.started(machine.frameReceived(Self.request(2)))
        #expect(one != nil && two != nil)
        let third = Self.answer(machine.frameReceived(Self.request(3)))
        #expect(third?.1.code == .resourceExhausted)
        #expect(machine.state == .open)
        #expect(machine.callsInFlight == 2)
    }

    @Test func anUnknownMethodIsUnimplementedAndAMadeUpRequestIdCarriesTheCallId() {
        var machine = Self.open()
        guard case .answer(let callID, let requestID, let error, _) = machine.frameReceived(Self.request(9, method: "/x.Y/Z")) else {
            Issue.record("not answered")
            return
        }
        #expect(callID == 9)
        #expect(requestID == "t-9")
        #expect(error.code == .unimplemented)
        let named = Self.started(machine.frameReceived(Self.request(10, requestID: "mine")))
        #expect(named?.requestID == "mine")
    }

    @Test func aLateTaskCannotAnswerANewerCallThatReusedItsId() {
        var machine = Self.open()
        let first = Self.started(machine.frameReceived(Self.request(1)))!
        let attached = machine.started(1, serial: first.serial, resources: "task-1")
        #expect(attached)
        let cancelled = Self.answer(machine.frameReceived(Self.cancel(1)))
        #expect(cancelled?.1.code == .cancelled)
        #expect(cancelled?.2 == "task-1")
        let second = Self.started(machine.frameReceived(Self.request(1)))!
        let late = machine.finished(1, serial: first.serial)
        let current = machine.finished(1, serial: second.serial)
        #expect(late == nil)
        #expect(current?.serial == second.serial)
        #expect(machine.isIdle)
    }

    @Test func aDrainingConnectionAnswersWhatItAcceptedRefusesNewCallsThenCloses() {
        var machine = Self.open()
        let call = Self.started(machine.frameReceived(Self.request(4)))!
        let goAway = machine.goAwayRequested()
        #expect(goAway?.goAway.lastCallID == 4)
        #expect(StatusCode(rawValue: goAway?.goAway.status.code ?? 0) == .unavailable)
        #expect(machine.state == .draining)
        let late = Self.answer(machine.frameReceived(Self.request(5)))
        #expect(late?.1.code == .unavailable)
        let closedEarly = machine.closeIfDrained()
        #expect(!closedEarly)
        let answered = machine.finished(4, serial: call.serial)
        #expect(answered != nil)
        let closed = machine.closeIfDrained()
        #expect(closed)
        #expect(machine.state == .closed)
    }

    @Test func anIdleConnectionIsEndedOnlyWhenOpenWithNoCallInFlight() {
        var busy = Self.open()
        _ = busy.frameReceived(Self.request(1))
        guard case .none = busy.idleTimedOut(after: .seconds(300)) else {
            Issue.record("a busy connection was ended")
            return
        }
        var idle = Self.open()
        let ended = Self.goAway(idle.idleTimedOut(after: .seconds(300)))
        #expect(ended?.0 == .unavailable)
        #expect(ended?.2 == .idle)
    }

    @Test func theHandshakeAndPrefaceTimeoutsApplyOnlyToTheirPhase() {
        var fresh = Machine(limits: ConnectionLimits(), table: Self.table)
        guard case .close(reason: .handshakeTimeout) = fresh.handshakeTimedOut() else {
            Issue.record("not closed")
            return
        }
        var identified = Self.machine()
        guard case .none = identified.handshakeTimedOut() else {
            Issue.record("closed after its handshake")
            return
        }
        let noPreface = Self.goAway(identified.prefaceTimedOut(after: .seconds(5)))
        #expect(noPreface?.1 == "no Preface within 5000 ms of the handshake")
        var open = Self.open()
        guard case .none = open.prefaceTimedOut(after: .seconds(5)) else {
            Issue.record("closed after its preface")
            return
        }
    }

    @Test func whatTheClientMayNotSendEndsTheConnection() {
        var machine = Self.open()
        var response = WireFrame()
        response.response = WireResponse()
        let sentResponse = Self.goAway(machine.frameReceived(response))
        #expect(sentResponse?.2 == .protocolViolation)
        var again = Self.open()
        let secondPreface = Self.goAway(again.frameReceived(Self.preface()))
        #expect(secondPreface?.1 == "protocol violation: a second Preface")
    }

    @Test func aCallThatHasBegunToCommitIsAnsweredWithItsOutcomeNotAbandoned() throws {
        var machine = Self.open()
        let committing = Self.started(machine.frameReceived(Self.request(1)))!
        try committing.gate.enterCommit()
        #expect(machine.deadlinePassed(1) == nil)
        guard case .none = machine.frameReceived(Self.cancel(1)) else {
            Issue.record("a committing call was cancelled")
            return
        }
        #expect(machine.finished(1, serial: committing.serial) != nil)

        // One not yet committing is abandoned, and its commit then fails.
        let late = Self.started(machine.frameReceived(Self.request(2)))!
        #expect(machine.deadlinePassed(2) != nil)
        #expect(throws: CallGate.Abandoned.self) { try late.gate.enterCommit() }
    }
}
