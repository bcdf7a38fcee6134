import NIOCore

/// How long a connection may sit in each phase before the server ends it (PROTOCOL.md §3).
/// Each is configurable (`registryd --help`); tests use short ones.
public struct ConnectionTimeouts: Sendable {
    /// From TCP accept to a completed TLS handshake; then the socket is closed.
    public var handshake: TimeAmount = .seconds(10)
    /// From the handshake to the client's Preface.
    public var preface: TimeAmount = .seconds(5)
    /// With no call in flight; then GoAway(UNAVAILABLE) and close.
    public var idle: TimeAmount = .minutes(5)
    /// With no frame received, the server sends a Ping…
    public var pingInterval: TimeAmount = .seconds(60)
    /// …and closes the connection when nothing arrives for this long after it.
    public var pingTimeout: TimeAmount = .seconds(20)
    /// From a frame's first byte to its last.
    public var frameBody: TimeAmount = .seconds(30)

    public init() {}

    /// How often a connection checks its idle and ping clocks: often enough that each fires
    /// within a fraction of its own span, rarely enough to cost nothing.
    var tick: TimeAmount {
        let shortest = min(idle.nanoseconds, pingInterval.nanoseconds, pingTimeout.nanoseconds)
        return .nanoseconds(max(shortest / 4, 1_000_000))
    }
}
