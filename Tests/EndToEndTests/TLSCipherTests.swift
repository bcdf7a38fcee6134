import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import RegistryPKI
import Testing

/// Over TLS 1.2 the server agrees only to forward-secret AEAD suites (issue 12).
@Suite("End to end: TLS cipher suites")
struct TLSCipherTests {
    /// Completes a TLS 1.2 handshake offering only `ciphers`, with a valid client certificate; true if it succeeds.
    static func handshake(offering ciphers: [NIOTLSCipher], registry: TestRegistry) async throws -> Bool {
        let credential = try registry.credential(role: "ministry")
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        tls.maximumTLSVersion = .tlsv12
        tls.cipherSuiteValues = ciphers
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(registry.caPEM.utf8)))
        tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(credential.certificatePEM.utf8)).map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(credential.privateKeyPEM.utf8), format: .pem))
        let context = try NIOSSLContext(configuration: tls)
        let group = MultiThreadedEventLoopGroup.singleton
        let outcome = group.next().makePromise(of: Bool.self)
        let channel = try await ClientBootstrap(group: group).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(outcome: outcome))
            }
        }.connect(host: "127.0.0.1", port: registry.port).get()
        let succeeded = try await outcome.futureResult.get()
        try? await channel.close()
        return succeeded
    }

    final class HandshakeWatcher: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let outcome: EventLoopPromise<Bool>
        init(outcome: EventLoopPromise<Bool>) { self.outcome = outcome }
        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case .handshakeCompleted = event as? TLSUserEvent { outcome.succeed(true) }
            context.fireUserInboundEventTriggered(event)
        }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { outcome.succeed(false) }
        func channelInactive(context: ChannelHandlerContext) { outcome.succeed(false) }
    }

    @Test func aTLS12ClientOfferingOnlyCBCWithSHA1IsRefusedAndOneOfferingAnAEADSuiteIsServed() async throws {
        try await withRegistry { registry in
            let cbc = try await Self.handshake(
                offering: [
                    .TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, .TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
                    .TLS_RSA_WITH_AES_128_CBC_SHA,
                ], registry: registry)
            #expect(!cbc)
            let gcm = try await Self.handshake(
                offering: [.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, .TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256], registry: registry)
            #expect(gcm)
        }
    }
}
