import Enforcement
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

@Suite("End to end: suspension and reinstatement", .serialized)
struct LicenseDecisionTests {
    static func suspension(_ number: String, monthsAhead: Int = 1, author: WireProposalAuthor = .territorialBody)
        -> WireSuspendLicenseRequest
    {
        var request = WireSuspendLicenseRequest()
        request.number = number
        request.ground = "s143_2_4"
        request.termEnd = LocalDate(TestRegistry.defaultMoment)!.adding(months: monthsAhead).description
        request.reasons = "enforcement actions outside his district"
        request.proposal.author = author
        request.proposal.reference = "TB-ALA-2026-15"
        return request
    }

    @Test func theMinistrySuspendsOnAProposalAndTheHistoryAnswersAsOfAnyMoment_143() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            let licensing = LicensingStub(connection: ministry)
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(70))
            let number = try await licensing.issueLicense(Sample.issue(70)).license.number

            let suspended = try await licensing.suspendLicense(Self.suspension(number)).license
            #expect(suspended.status == .suspended)
            let change = try #require(suspended.history.last)
            #expect(change.legalBasis == "143.2.4")
            #expect(change.groundCode == "s143_2_4")
            #expect(!change.termEnd.isEmpty)

            let before = try await licensing.getLicenseStatusAt(
                .with {
                    $0.number = number
                    $0.atMs = change.decidedAtMs - 1
                })
            let at = try await licensing.getLicenseStatusAt(
                .with {
                    $0.number = number
                    $0.atMs = change.decidedAtMs
                })
            let beforeIssue = try await licensing.getLicenseStatusAt(
                .with {
                    $0.number = number
                    $0.atMs = 0
                })
            #expect(before.status == .active)
            #expect(at.status == .suspended)
            #expect(beforeIssue.status == .unspecified)

            let reinstated = try await licensing.reinstateLicense(
                .with {
                    $0.number = number
                    $0.reasons = "returned to his district"
                }
            ).license
            #expect(reinstated.status == .active)
            #expect(reinstated.history.map(\.status) == [.active, .suspended, .active])
            await ministry.close()
        }
    }

    @Test func illegalSuspensionsAreRefusedWithTheirArticle() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            let licensing = LicensingStub(connection: ministry)
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(71))
            let number = try await licensing.issueLicense(Sample.issue(71)).license.number

            let tooLong = await #expect(throws: RPCError.self) {
                _ = try await licensing.suspendLicense(Self.suspension(number, monthsAhead: 7))
            }
            #expect(tooLong?.code == .invalidArgument)
            #expect(tooLong?.legalBasis == "143.2")
            let prosecutor = await #expect(throws: RPCError.self) {
                _ = try await licensing.suspendLicense(Self.suspension(number, author: .prosecutor))
            }
            #expect(prosecutor?.code == .failedPrecondition)
            #expect(prosecutor?.legalBasis == "143.1")
            var unknown = Self.suspension(number)
            unknown.ground = "s143_2_7"
            let repealed = await #expect(throws: RPCError.self) { _ = try await licensing.suspendLicense(unknown) }
            #expect(repealed?.reason == "UNKNOWN_GROUND")
            let active = await #expect(throws: RPCError.self) {
                _ = try await licensing.reinstateLicense(
                    .with {
                        $0.number = number
                        $0.reasons = "x"
                    })
            }
            #expect(active?.code == .failedPrecondition)
            #expect(active?.legalBasis == "143.3")

            let chamber = try await registry.connect(role: "regionalChamber")
            let denied = await #expect(throws: RPCError.self) {
                _ = try await LicensingStub(connection: chamber).suspendLicense(Self.suspension(number))
            }
            #expect(denied?.code == .permissionDenied)
            #expect(try await licensing.getLicense(.with { $0.number = number }).license.status == .active)
            await chamber.close()
            await ministry.close()
        }
    }
}
