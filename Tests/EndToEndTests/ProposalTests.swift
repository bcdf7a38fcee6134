import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

@Suite("End to end: proposals to the Ministry, Art. 143.1 and 144.3", .serialized)
struct ProposalTests {
    static func submit(_ number: String, _ ground: String) -> WireSubmitProposalRequest {
        .with {
            $0.licenseNumber = number
            $0.ground = ground
            $0.facts = "three enforcement actions in Astana recorded on 2026-02-10"
        }
    }

    @Test func aChambersProposalIsAnsweredByTheMinistrysSuspension() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(80))
            let number = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(80)).license.number

            let chamber = try await registry.connect(role: "regionalChamber")
            let proposal = try await ProposalsStub(connection: chamber).submitProposal(Self.submit(number, "s143_2_4")).proposal
            #expect(proposal.state == .pending)
            #expect(proposal.author == .regionalChamber)
            #expect(proposal.authorIdentity == "spiffe://registry.bailiff.kz/role/regionalChamber/region/almaty-city")

            let pending = try await ProposalsStub(connection: ministry).listProposals(.with { $0.state = .pending })
            #expect(pending.proposals.map(\.id) == [proposal.id])

            var suspend = LicenseDecisionTests.suspension(number)
            suspend.clearProposal()
            suspend.proposalID = proposal.id
            let suspended = try await LicensingStub(connection: ministry).suspendLicense(suspend).license
            #expect(suspended.status == .suspended)
            let answered = try await ProposalsStub(connection: chamber).listProposals(WireListProposalsRequest())
            #expect(answered.proposals.first?.state == .accepted)

            let reused = await #expect(throws: RPCError.self) { _ = try await LicensingStub(connection: ministry).suspendLicense(suspend) }
            #expect(reused?.code == .failedPrecondition)
            await chamber.close()
            await ministry.close()
        }
    }

    @Test func aProsecutorProposesDeprivationButNotSuspension_143_1_144_3() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(81))
            let number = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(81)).license.number
            let prosecutor = try await registry.connect(role: "prosecutor")
            let stub = ProposalsStub(connection: prosecutor)
            let refused = await #expect(throws: RPCError.self) { _ = try await stub.submitProposal(Self.submit(number, "s143_2_2")) }
            #expect(refused?.code == .failedPrecondition)
            #expect(refused?.legalBasis == "143.1")
            let deprivation = try await stub.submitProposal(Self.submit(number, "d144_2_2")).proposal
            #expect(deprivation.author == .prosecutor)

            let declined = try await ProposalsStub(connection: ministry).declineProposal(
                .with {
                    $0.id = deprivation.id
                    $0.reasons = "fees were within the rates"
                }
            ).proposal
            #expect(declined.state == .declined)
            let again = await #expect(throws: RPCError.self) {
                _ = try await ProposalsStub(connection: ministry).declineProposal(
                    .with {
                        $0.id = deprivation.id
                        $0.reasons = "x"
                    })
            }
            #expect(again?.reason == "PROPOSAL_NOT_PENDING")

            // A proposing body sees only its own proposals; a bailiff may not submit any.
            let chamber = try await registry.connect(role: "regionalChamber")
            #expect(try await ProposalsStub(connection: chamber).listProposals(WireListProposalsRequest()).proposals.isEmpty)
            let bailiff = try await registry.connect(role: "bailiff")
            let denied = await #expect(throws: RPCError.self) {
                _ = try await ProposalsStub(connection: bailiff).submitProposal(Self.submit(number, "s143_2_2"))
            }
            #expect(denied?.code == .permissionDenied)
            for connection in [prosecutor, chamber, bailiff, ministry] { await connection.close() }
        }
    }
}
