import Foundation
import RegistryClient
import RegistryStore
import RegistryWire
import SwiftProtobuf
import Testing

/// The server authorizes from the caller and the method's declared policy before it reads
/// the payload, and every refused call leaves one audit entry (issue 12.4, issue 13.1).
@Suite("End to end: authorization and the audit of refusals")
struct AuthorizationTests {
    static func raw(_ method: MethodInfo, payload: [UInt8], on connection: RegistryConnection, key: String = "", requestID: String)
        async throws -> RPCError
    {
        var request = WireRequest()
        request.method = method.path
        request.payload = Data(payload)
        request.idempotencyKey = key
        request.requestID = requestID
        return RPCError(status: try await connection.send(request, timeoutMilliseconds: 5_000).status)
    }

    static func audit(_ registry: TestRegistry, requestID: String) async throws -> [AuditEntry] {
        try await registry.store.read { try $0.auditEntries() }.map(\.entry).filter { $0.requestID == requestID }
    }

    /// Bytes that are no protobuf message at all: a field with wire type 7.
    static let garbage: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]

    @Test func aRoleThatMayNotCallAMethodIsDeniedWhateverItSent_142_1() async throws {
        try await withRegistry { registry in
            let auditor = try await registry.connect(role: "auditor")
            let denied = try await Self.raw(LicensingMethods.issueLicense.info, payload: Self.garbage, on: auditor, requestID: "denied-1")
            #expect(denied.code == .permissionDenied)
            #expect(denied.reason == "ROLE_NOT_ALLOWED")
            #expect(denied.legalBasis == "142.1")
            #expect(denied.message == "role auditor may not call Licensing/IssueLicense")
            // The same call with a well-formed request is denied the same way.
            let wellFormed = try await Self.raw(
                LicensingMethods.issueLicense.info, payload: try Sample.issue(1).serializedBytes(),
                on: auditor, requestID: "denied-2")
            #expect(wellFormed == denied)
            await auditor.close()
        }
    }

    @Test func everyRefusedCallLeavesExactlyOneAuditEntryWithItsOutcome() async throws {
        try await withRegistry { registry in
            let auditor = try await registry.connect(role: "auditor")
            let ministry = try await registry.connect()
            _ = try await Self.raw(LicensingMethods.suspendLicense.info, payload: Self.garbage, on: auditor, requestID: "r-denied")
            _ = try await Self.raw(LicensingMethods.issueLicense.info, payload: Self.garbage, on: ministry, requestID: "r-undecodable")
            var person = Sample.person(3, surname: "Ахметов\u{0}")
            _ = try await Self.raw(
                RegistryMethods.registerPerson.info, payload: try person.serializedBytes(), on: ministry, requestID: "r-text")
            var unknown = WireGetLicenseRequest()
            unknown.number = "2026-999999"
            let notFound = try await Self.raw(
                LicensingMethods.getLicense.info, payload: try unknown.serializedBytes(), on: ministry, requestID: "r-read")
            #expect(notFound.code == .notFound)
            // Refused inside its transaction: audited there, and not a second time by the edge.
            person = Sample.person(3)
            person.iin = "123"
            let invalid = try await Self.raw(
                RegistryMethods.registerPerson.info, payload: try person.serializedBytes(), on: ministry, requestID: "r-use-case")
            #expect(invalid.code == .invalidArgument)

            var outcomes: [[String]] = []
            for id in ["r-denied", "r-undecodable", "r-text", "r-read", "r-use-case"] {
                outcomes.append(try await Self.audit(registry, requestID: id).map { "\($0.method) \($0.outcome)" })
            }
            #expect(outcomes[0] == ["Licensing/SuspendLicense PERMISSION_DENIED ROLE_NOT_ALLOWED Art. 143.1"])
            #expect(outcomes[1] == ["Licensing/IssueLicense INVALID_ARGUMENT UNDECODABLE_PAYLOAD"])
            #expect(outcomes[2] == ["Registry/RegisterPerson INVALID_ARGUMENT INVALID_TEXT"])
            #expect(outcomes[3].count == 1)
            #expect(outcomes[3].first?.hasPrefix("Licensing/GetLicense NOT_FOUND") == true)
            #expect(outcomes[4].count == 1, "\(outcomes[4])")
            #expect(outcomes[4].first?.hasPrefix("Registry/RegisterPerson INVALID_ARGUMENT") == true, "\(outcomes[4])")
            let denied = try await Self.audit(registry, requestID: "r-denied")
            #expect(denied.first?.principal == TestRegistry.uris["auditor"])
            #expect(AuditChain.verify(try await registry.store.read { try $0.auditEntries() }).firstBreak == nil)
            await auditor.close()
            await ministry.close()
        }
    }

    @Test func aReadRefusesAnIdempotencyKeyItCouldNotHonour() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            let refused = try await Self.raw(RegistryMethods.listDistricts.info, payload: [], on: ministry, key: "k-1", requestID: "r-key")
            #expect(refused.code == .invalidArgument)
            #expect(refused.reason == "IDEMPOTENCY_KEY_NOT_ACCEPTED")
            #expect(refused.fieldViolations.map(\.field) == ["idempotency_key"])
            // Without the key the same read is served.
            _ = try await RegistryStub(connection: ministry).listDistricts(WireListDistrictsRequest())
            await ministry.close()
        }
    }
}
