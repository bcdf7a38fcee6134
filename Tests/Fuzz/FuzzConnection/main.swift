import FuzzSupport
import Logging
import NIOCore
import NIOEmbedded
import NIOTLS
import RegistryService
import RegistryWire
import SwiftProtobuf

@testable import RegistryServer

// libFuzzer target (scripts/fuzz): arbitrary bytes arrive on a server connection whose TLS
// handshake completed, through the same frame decoder and connection handler registryd
// runs. The first input byte sets how the rest is cut into reads (1–256 bytes each), so
// frames split across reads are tried too. Whatever arrives, the connection must neither
// crash nor keep a byte of the server's partial-frame budget once it is closed.

/// What every input runs against, made once. (Static members, so that this file means the same
/// as an ordinary `main.swift` and, built for libFuzzer, with `-parse-as-library`.)
enum Connection {
    static let ministry = try! Principal(uri: "spiffe://registry.bailiff.kz/role/ministry")

    /// Health answers; Registry/GetBailiff is refused, so both outcomes are exercised.
    static let table: MethodTable = {
        var table = MethodTable()
        table.register(HealthMethods.check) { _, context in WireHealthCheckResponse.with { $0.caller = context.principal.uri } }
        table.register(RegistryMethods.getBailiff) { _, _ -> WireGetBailiffResponse in
            throw RPCError(code: .notFound, message: "no such bailiff", reason: "NOT_FOUND")
        }
        return table
    }()

    static func frame(_ build: (inout WireFrame) -> Void) -> [UInt8] {
        var frame = WireFrame()
        build(&frame)
        var buffer = try! FrameCodec.encode(frame)
        return buffer.readBytes(length: buffer.readableBytes)!
    }

    static func seeds() -> [[UInt8]] {
        let preface = frame { $0.preface = WirePreface.with { $0.protocolVersion = 1 } }
        let health = frame {
            $0.callID = 1
            $0.request = WireRequest.with { $0.method = HealthMethods.check.path }
        }
        let refused = frame {
            $0.callID = 2
            $0.request = WireRequest.with {
                $0.method = RegistryMethods.getBailiff.path
                $0.timeoutMs = 5
                $0.requestID = "seed"
            }
        }
        let unknown = frame {
            $0.callID = 3
            $0.request = WireRequest.with { $0.method = "/kz.bailiff.registry.v1.Nothing/Here" }
        }
        let cancel = frame {
            $0.callID = 2
            $0.cancel = WireCancel()
        }
        let ping = frame { $0.ping = WirePing.with { $0.opaque = 7 } }
        let pong = frame { $0.pong = WirePong.with { $0.opaque = 7 } }
        let goAway = frame { $0.goAway = WireGoAway() }
        let partial: [UInt8] = [0, 0, 0x10, 0, 1, 2, 3]
        return [
            [255] + preface + health,
            [0] + preface + health + refused + cancel,
            [3] + preface + unknown + ping + pong + goAway,
            [16] + preface + health + partial,
            [255] + health,
            [255] + preface + preface,
        ]
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    SeedCorpus.plant(Connection.seeds())
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConnection(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    guard let first = input.first else { return 0 }
    let chunk = Int(first) + 1
    let budget = PartialFrameBudget(limit: 1 << 16)
    var timeouts = ConnectionTimeouts()
    // Short timeouts, so that advancing the clock past all of them takes few ticks per input.
    timeouts.preface = .seconds(2)
    timeouts.idle = .seconds(6)
    timeouts.pingInterval = .seconds(3)
    timeouts.pingTimeout = .seconds(2)
    timeouts.frameBody = .seconds(4)
    let channel = EmbeddedChannel()
    try! channel.pipeline.syncOperations.addHandler(
        ByteToMessageHandler(ServerFrameDecoder(maxFrameBytes: 4096, bodyTimeout: timeouts.frameBody, budget: budget)))
    try! channel.pipeline.syncOperations.addHandler(
        ServerConnectionHandler(
            table: Connection.table, limits: ConnectionLimits(maxConcurrentCalls: 4, maxFrameBytes: 4096, defaultTimeoutMilliseconds: 1000),
            timeouts: timeouts, metrics: ServerMetrics(), logger: Logger(label: "fuzz"), identify: { _ in Connection.ministry }))
    try! channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
    var rest = input.dropFirst()
    while !rest.isEmpty, channel.isActive {
        var buffer = channel.allocator.buffer(capacity: chunk)
        buffer.writeBytes(rest.prefix(chunk))
        rest = rest.dropFirst(chunk)
        // A closed connection refuses further reads: that is an answer, not a fault.
        do { try channel.writeInbound(buffer) } catch { break }
        channel.embeddedEventLoop.run()
        while (try? channel.readOutbound(as: ByteBuffer.self)) != nil {}
    }
    // Every timer fires: deadlines, the frame-body timeout, ping and idle.
    channel.embeddedEventLoop.advanceTime(by: .seconds(12))
    _ = try? channel.finish()
    precondition(budget.bytesHeld == 0, "a closed connection still holds \(budget.bytesHeld) bytes of the partial-frame budget")
    return 0
}

#if FUZZING
    // Built by scripts/fuzz (-DFUZZING -parse-as-library): SwiftPM enters a debug executable through
    // `FuzzConnection_main`, which hands over to libFuzzer's driver.
    @_cdecl("FuzzConnection_main")
    public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        runFuzzer(argc, argv) { data, count in
            guard let data else { return 0 }
            return fuzzConnection(UnsafeRawPointer(data), count)
        }
    }
#endif
