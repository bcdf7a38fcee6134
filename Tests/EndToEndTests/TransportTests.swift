import Foundation
import NIOCore
import RegistryPKI
import RegistryServer
import RegistryWire
import SwiftProtobuf
import Testing

@testable import RegistryClient

@Suite("End to end: transport, identity and limits", .serialized)
struct TransportTests {
    @Test func aHundredConcurrentCallsOnOneConnectionAreEachAnsweredToTheirCaller() async throws {
        try await withRegistry { registry in
            let connection = try await registry.connect()
            let stub = RegistryStub(connection: connection)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<100 {
                    group.addTask {
                        let response = try await stub.registerPerson(Sample.person(100 + n, surname: "Фамилия\(n)"))
                        #expect(response.person.iin == Sample.iin(100 + n))
                        #expect(response.person.surname == "Фамилия\(n)")
                    }
                }
                try await group.waitForAll()
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<100 {
                    group.addTask {
                        let response = try await stub.getPerson(.with { $0.iin = Sample.iin(100 + n) })
                        #expect(response.person.surname == "Фамилия\(n)")
                    }
                }
                try await group.waitForAll()
            }
            await connection.close()
        }
    }

    @Test func aConnectionWithoutAClientCertificateFailsTheHandshake() async throws {
        try await withRegistry { registry in
            let noCertificate = ClientTLS(certificatePEM: "", privateKeyPEM: "", trustedCAPEM: registry.caPEM, serverName: "localhost")
            await #expect(throws: (any Error).self) {
                let connection = try await registry.connectWithoutIdentity(noCertificate)
                _ = try await HealthStub(connection: connection).check(WireHealthCheckRequest())
            }
        }
    }

    @Test func aCertificateFromAnotherCAIsRefused() async throws {
        try await withRegistry { registry in
            let stranger = try CertificateAuthority.create(commonName: "Stranger CA")
            let credential = try stranger.issueClient(commonName: "ministry", identityURI: "spiffe://registry.bailiff.kz/role/ministry")
            let tls = ClientTLS(
                certificatePEM: credential.certificatePEM, privateKeyPEM: credential.privateKeyPEM, trustedCAPEM: registry.caPEM,
                serverName: "localhost")
            await #expect(throws: (any Error).self) {
                let connection = try await registry.connect(tls)
                _ = try await HealthStub(connection: connection).check(WireHealthCheckRequest())
            }
        }
    }

    @Test func aCertificateNamingNoValidRoleIsUnauthenticated() async throws {
        try await withRegistry { registry in
            let credential = try registry.ca.issueClient(
                commonName: "x", identityURI: "spiffe://registry.bailiff.kz/role/regionalChamber/region/atlantis")
            let tls = ClientTLS(
                certificatePEM: credential.certificatePEM, privateKeyPEM: credential.privateKeyPEM, trustedCAPEM: registry.caPEM,
                serverName: "localhost")
            let error = await #expect(throws: RPCError.self) {
                let connection = try await registry.connect(tls)
                _ = try await HealthStub(connection: connection).check(WireHealthCheckRequest())
            }
            #expect(error?.code == .unauthenticated)
        }
    }

    @Test func anOversizeFrameGetsResourceExhaustedWhileOtherConnectionsAreServed() async throws {
        try await withRegistry(maxFrameBytes: 64 * 1024) { registry in
            let offender = try await registry.connect()
            let bystander = try await registry.connect(role: "auditor")
            _ = try await HealthStub(connection: offender).check(WireHealthCheckRequest())
            // A header announcing a frame above the limit, then a call that can never be read.
            var header = ByteBuffer()
            header.writeInteger(UInt32(64 * 1024 + 1))
            header.writeBytes([UInt8](repeating: 0x41, count: 512))
            try await offender.channel.writeAndFlush(header)
            let error = await #expect(throws: RPCError.self) {
                _ = try await HealthStub(connection: offender).check(WireHealthCheckRequest())
            }
            #expect(error?.code == .resourceExhausted)
            let health = try await HealthStub(connection: bystander).check(WireHealthCheckRequest())
            #expect(health.status == .serving)
            await offender.close()
            await bystander.close()
        }
    }

    @Test func anUnknownMethodIsUnimplementedAndTheConnectionStaysUsable() async throws {
        try await withRegistry { registry in
            let connection = try await registry.connect()
            var request = WireRequest()
            request.method = "/kz.bailiff.registry.v1.Licensing/ForgeLicense"
            let response = try await connection.send(request, timeoutMilliseconds: 5000)
            #expect(response.status.code == StatusCode.unimplemented.rawValue)
            try await connection.ping()
            _ = try await HealthStub(connection: connection).check(WireHealthCheckRequest())
            await connection.close()
        }
    }

    @Test func healthNamesTheCallerFromItsCertificate() async throws {
        try await withRegistry { registry in
            let connection = try await registry.connect(role: "regionalChamber")
            let health = try await HealthStub(connection: connection).check(WireHealthCheckRequest())
            #expect(health.caller == "spiffe://registry.bailiff.kz/role/regionalChamber/region/almaty-city")
            #expect(health.protocolVersion == 1)
            await connection.close()
        }
    }

    @Test func shutdownSendsGoAwayAndRefusesNewConnections() async throws {
        let registry = try await TestRegistry.start()
        let connection = try await registry.connect()
        _ = try await HealthStub(connection: connection).check(WireHealthCheckRequest())
        await registry.server.shutdownGracefully()
        await #expect(throws: RPCError.self) {
            _ = try await HealthStub(connection: connection).check(WireHealthCheckRequest())
        }
        await #expect(throws: (any Error).self) { _ = try await registry.connect() }
        await connection.close()
        await registry.stop()
    }
}

extension TestRegistry {
    /// Connects presenting no client certificate at all.
    func connectWithoutIdentity(_ tls: ClientTLS) async throws -> RegistryConnection {
        try await RegistryConnection.connect(host: "127.0.0.1", port: port, tls: tls)
    }
}
