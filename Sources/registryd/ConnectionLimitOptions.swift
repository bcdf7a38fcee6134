import ArgumentParser
import NIOCore
import RegistryServer

/// The connection limits and timeouts of PROTOCOL.md §3, each with a safe default.
struct ConnectionLimitOptions: ParsableArguments {
    @Option(help: "Seconds from TCP accept to a completed TLS handshake.")
    var handshakeTimeout: Double = 10

    @Option(help: "Seconds from the handshake to the client's Preface.")
    var prefaceTimeout: Double = 5

    @Option(help: "Seconds a connection may stay open with no call in flight.")
    var idleTimeout: Double = 300

    @Option(help: "Seconds of silence after which the server Pings the client.")
    var pingInterval: Double = 60

    @Option(help: "Seconds the server waits for any frame after its Ping before closing.")
    var pingTimeout: Double = 20

    @Option(help: "Seconds from a frame's first byte to its last.")
    var frameBodyTimeout: Double = 30

    @Option(help: "Open connections the server holds at once.")
    var maxConnections: Int = 4096

    @Option(help: "Open connections from one source address.")
    var maxConnectionsPerAddress: Int = 512

    @Option(help: "MiB of unfinished frames the server holds across all connections.")
    var partialFrameBudget: Int = 64

    func validate() throws {
        for (flag, seconds) in [
            ("--handshake-timeout", handshakeTimeout), ("--preface-timeout", prefaceTimeout), ("--idle-timeout", idleTimeout),
            ("--ping-interval", pingInterval), ("--ping-timeout", pingTimeout), ("--frame-body-timeout", frameBodyTimeout),
        ]
        where !(seconds > 0 && seconds <= 86_400) {
            throw ValidationError("\(flag) must be a number of seconds above 0 and at most 86400, not \(seconds)")
        }
        for (flag, value) in [
            ("--max-connections", maxConnections), ("--max-connections-per-address", maxConnectionsPerAddress),
            ("--partial-frame-budget", partialFrameBudget),
        ] where value < 1 {
            throw ValidationError("\(flag) must be at least 1, not \(value)")
        }
    }

    func apply(to configuration: inout RegistryServer.Configuration) {
        func amount(_ seconds: Double) -> TimeAmount { .nanoseconds(Int64(seconds * 1_000_000_000)) }
        configuration.timeouts.handshake = amount(handshakeTimeout)
        configuration.timeouts.preface = amount(prefaceTimeout)
        configuration.timeouts.idle = amount(idleTimeout)
        configuration.timeouts.pingInterval = amount(pingInterval)
        configuration.timeouts.pingTimeout = amount(pingTimeout)
        configuration.timeouts.frameBody = amount(frameBodyTimeout)
        configuration.maxConnections = maxConnections
        configuration.maxConnectionsPerAddress = maxConnectionsPerAddress
        configuration.partialFrameBudgetBytes = partialFrameBudget * 1024 * 1024
    }
}
