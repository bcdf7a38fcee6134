import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

@Suite("End to end: the license register over mTLS", .serialized)
struct LicenseFlowTests {
    @Test func aLicenseIssuedByTheMinistryCanBeReadBack() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect(role: "ministry")
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(1))
            let issued = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(1)).license
            #expect(issued.status == .active)
            #expect(issued.issuedOn == "2026-03-03")

            let auditor = try await registry.connect(role: "auditor")
            let read = try await LicensingStub(connection: auditor).getLicense(.with { $0.number = issued.number }).license
            #expect(read == issued)
            #expect(read.history.first?.actor == "spiffe://registry.bailiff.kz/role/ministry")
            let listed = try await LicensingStub(connection: auditor).listLicenses(.with { $0.district = "almaty-city" })
            #expect(listed.licenses.map(\.number) == [issued.number])
            await ministry.close()
            await auditor.close()
        }
    }

    @Test func onlyTheMinistryIssuesLicenses_142_1() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect(role: "ministry")
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(2))
            for role in ["regionalChamber", "territorialBody", "republicanChamber", "prosecutor", "bailiff", "auditor", "system"] {
                let connection = try await registry.connect(role: role)
                let error = await #expect(throws: RPCError.self) {
                    _ = try await LicensingStub(connection: connection).issueLicense(Sample.issue(2))
                }
                #expect(error?.code == .permissionDenied)
                #expect(error?.message.contains(role) == true)
                #expect(error?.message.contains("Licensing/IssueLicense") == true)
                #expect(error?.legalBasis == "142.1")
                await connection.close()
            }
            let none = try await LicensingStub(connection: ministry).listLicenses(WireListLicensesRequest())
            #expect(none.licenses.isEmpty)
            await ministry.close()
        }
    }

    @Test func anIneligiblePersonIsRefusedWithTheArticleAndTheRetryDate_140_2_4() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            var dismissal = WirePersonFact()
            dismissal.kind = .negativeDismissal
            dismissal.from = "2025-06-01"
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(3, facts: [dismissal]))
            let error = await #expect(throws: RPCError.self) {
                _ = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(3, date: "2026-03-03"))
            }
            #expect(error?.code == .failedPrecondition)
            #expect(error?.legalBasis == "140.2.4")
            #expect(error?.retryOn == "2026-06-01")
            await ministry.close()
        }
    }

    @Test func anIdempotentRetryReturnsTheFirstLicenseAndCreatesNoSecond() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            let stub = LicensingStub(connection: ministry)
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(4))
            let options = CallOptions(idempotencyKey: "issue-4-once")
            let first = try await stub.issueLicense(Sample.issue(4), options: options)
            let retry = try await stub.issueLicense(Sample.issue(4), options: options)
            #expect(retry == first)
            let all = try await stub.listLicenses(WireListLicensesRequest())
            #expect(all.licenses.count == 1)
            // The same key with a different request is refused, not replayed.
            var other = Sample.issue(4)
            other.district = "astana"
            let error = await #expect(throws: RPCError.self) { _ = try await stub.issueLicense(other, options: options) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.reason == "IDEMPOTENCY_KEY_REUSED")
            await ministry.close()
        }
    }

    @Test func listingPagesWithACursorAndFilters() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            for n in 10..<15 {
                _ = try await RegistryStub(connection: ministry).registerPerson(
                    Sample.person(n, surname: n % 2 == 0 ? "Ахметов" : "Бекова"))
                _ = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(n))
            }
            let stub = LicensingStub(connection: ministry)
            var seen: [String] = []
            var request = WireListLicensesRequest()
            request.pageSize = 2
            repeat {
                let page = try await stub.listLicenses(request)
                #expect(page.licenses.count <= 2)
                seen += page.licenses.map(\.number)
                request.pageToken = page.nextPageToken
            } while !request.pageToken.isEmpty
            #expect(seen == (1...5).map { String(format: "2026-%06d", $0) })
            let ahm = try await stub.listLicenses(.with { $0.holderPrefix = "ахм" })
            #expect(ahm.licenses.count == 3)
            let bad = await #expect(throws: RPCError.self) { _ = try await stub.listLicenses(.with { $0.district = "atlantis" }) }
            #expect(bad?.code == .invalidArgument)
            await ministry.close()
        }
    }
}
