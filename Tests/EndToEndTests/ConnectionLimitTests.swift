import NIOCore
import NIOPosix
import RegistryClient
import RegistryServer
import RegistryWire
import Testing

/// One source cannot take every connection slot, and a slot is free again once its connection
/// closes (issue 12.2). Short configured values, no sleeps.
@Suite("End to end: connection limits")
struct ConnectionLimitTests {
    @Test func aSourceOverItsConnectionCapIsRefusedAtAcceptAndServedAgainOnceOneCloses() async throws {
        try await withRegistry(configure: { $0.maxConnectionsPerAddress = 2 }) { registry in
            let first = try await registry.connect()
            let second = try await registry.connect()
            _ = try await HealthStub(connection: first).check(WireHealthCheckRequest())
            await #expect(throws: (any Error).self) {
                let third = try await registry.connect()
                defer { Task { await third.close() } }
                _ = try await HealthStub(connection: third).check(WireHealthCheckRequest())
            }
            // The two admitted connections are unaffected.
            _ = try await HealthStub(connection: second).check(WireHealthCheckRequest())
            await first.close()
            var served = false
            for _ in 0..<50 where !served {
                // The server frees the slot when it sees the close; retry until it has.
                if let again = try? await registry.connect() {
                    served = (try? await HealthStub(connection: again).check(WireHealthCheckRequest())) != nil
                    await again.close()
                } else {
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            #expect(served)
            await second.close()
        }
    }

    @Test func aConnectionThatSendsNothingIsClosedAfterTheHandshakeTimeout() async throws {
        try await withRegistry(configure: { $0.timeouts.handshake = .milliseconds(200) }) { registry in
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: registry.port).get()
            // Nothing is sent: the server closes the socket once the handshake time is up.
            try await channel.closeFuture.get()
            #expect(!channel.isActive)
            // A real client is still served.
            let good = try await registry.connect()
            _ = try await HealthStub(connection: good).check(WireHealthCheckRequest())
            await good.close()
        }
    }
}
