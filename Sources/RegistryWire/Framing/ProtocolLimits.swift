/// Version and limits of protocol v1 (Protocols/PROTOCOL.md, "Limits").
public enum ProtocolConstants {
    public static let version: UInt32 = 1
    /// Largest frame body (excluding the 4-byte length) either side accepts by default: 4 MiB.
    public static let defaultMaxFrameBytes = 4 * 1024 * 1024
    /// Calls in flight per connection the server accepts by default.
    public static let defaultMaxConcurrentCalls = 256
    /// Deadline applied when a request names none.
    public static let defaultTimeoutMilliseconds: UInt32 = 30_000
    /// Default TCP port of registryd.
    public static let defaultPort = 7443
}
