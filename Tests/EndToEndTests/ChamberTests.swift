import Enforcement
import Foundation
import GRDB
import RegistryClient
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf
import Testing

/// Membership (140.1, 172-1) and insurance (146) through registryd, and what they change for
/// MayPractise and for the choice of receiving bailiffs.
@Suite("End to end: Chamber membership and insurance", .serialized)
struct ChamberTests {
    @Test func anExpelledMemberMayNotPractiseHisCasesMoveAndA170_1_4ExpulsionProposesDeprivation() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(
                registry, almaty: 2, ministry: ministry, records: [.insurance, .registration])
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with { $0.proceedings = [TransferTests.record("X-1", holder: almaty[0])] })
            let chamberConnection = try await registry.connect(role: "republicanChamber")
            let chamber = ChamberStub(connection: chamberConnection)
            let admitted = try await chamber.admitMember(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.district = "almaty-city"
                    $0.admittedOn = "2026-03-05"
                    $0.decision = "RC 12"
                }
            ).membership
            #expect(admitted.status == "active")
            // The colleague who will receive his cases is a member too: without it he could not (140.1).
            _ = try await chamber.admitMember(
                .with {
                    $0.licenseNumber = almaty[1]
                    $0.district = "almaty-city"
                    $0.admittedOn = "2026-03-05"
                    $0.decision = "RC 14"
                })
            let twice = await #expect(throws: RPCError.self) {
                _ = try await chamber.admitMember(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.district = "almaty-city"
                        $0.decision = "RC 13"
                    })
            }
            #expect(twice?.reason == "ALREADY_A_MEMBER")
            #expect(twice?.legalBasis == "140.1")
            let licensing = LicensingStub(connection: ministry)
            let member = try await licensing.mayPractise(.with { $0.licenseNumber = almaty[0] })
            #expect(member.conditions.first { $0.condition == "chamberMembership" }?.outcome == .met)

            let notEnded = await #expect(throws: RPCError.self) {
                _ = try await chamber.expelMember(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.ground = "licenseEnded"
                        $0.decision = "Board 3"
                    })
            }
            #expect(notEnded?.legalBasis == "172-1(1)")
            // 170.1.4: the Board carries out an expulsion the disciplinary commission imposed, not one of its own.
            let noPenalty = await #expect(throws: RPCError.self) {
                _ = try await chamber.expelMember(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.ground = "disciplinaryPenalty"
                        $0.decision = "Board 4"
                    })
            }
            #expect(noPenalty?.reason == "NO_EXPULSION_PENALTY_ON_RECORD")
            #expect(noPenalty?.legalBasis == "170.1.4")
            let discipline = DisciplineStub(connection: chamberConnection)
            let opened = try await discipline.openDisciplinaryProceeding(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.source = "complaint 9"
                }
            ).proceeding
            _ = try await discipline.closeDisciplinaryProceeding(
                .with {
                    $0.id = opened.id
                    $0.outcome = "gross breach"
                    $0.penalty = "expulsion"
                })
            let expelled = try await chamber.expelMember(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.ground = "disciplinaryPenalty"
                    $0.decision = "Board 4"
                }
            ).membership
            #expect(expelled.status == "expelled")
            #expect(expelled.expulsionLegalBasis == "170.1.4")

            let after = try await licensing.mayPractise(.with { $0.licenseNumber = almaty[0] })
            #expect(!after.mayPractise)
            #expect(after.conditions.first { $0.condition == "chamberMembership" }?.detail.contains("expelled") == true)
            let proposals = try await ProposalsStub(connection: ministry).listProposals(.with { $0.state = .pending }).proposals
            #expect(proposals.map(\.ground) == ["d144_2_7"])
            #expect(proposals.first?.author == .republicanChamber)
            let jobs = try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = almaty[0] }).jobs
            #expect(jobs.first?.trigger == "expelled")
            _ = try await registry.core.runTransferBatch()
            #expect(
                try await ProceedingsStub(connection: ministry).getProceeding(.with { $0.number = "X-1" }).proceeding.holder
                    == "bailiff:\(almaty[1])")
            let freezes = try await registry.store.read {
                try Int.fetchOne($0.db, sql: "SELECT count(*) FROM outbox WHERE event_type = 'action.account_freeze'")
            }
            #expect(freezes == 1)  // 123.4 names expulsion
            await chamberConnection.close()
            await ministry.close()
        }
    }

    @Test func insuranceBelowTheMinimumOrOutOfCoverBarsPracticeAndReceivingCases_146() async throws {
        let clock = SteppingClock("2026-04-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(
                registry, almaty: 3, ministry: ministry, records: [.membership, .registration])
            let chamberConnection = try await registry.connect(role: "regionalChamber")
            let chamber = ChamberStub(connection: chamberConnection)
            // Almaty is a city of republican significance: 1,000 MCI of 2026 = 4,325,000 tenge.
            let small = try await chamber.recordInsuranceContract(
                .with {
                    $0.licenseNumber = almaty[1]
                    $0.insurer = "Nomad Insurance"
                    $0.contractNumber = "PL-1"
                    $0.concludedOn = "2026-01-10"
                    $0.validFrom = "2026-01-10"
                    $0.validTo = "2026-12-31"
                    $0.sumInsured = "2162500"
                }
            ).contract
            #expect(!small.sufficient)
            #expect(small.minimum == "4325000.00")
            let good = try await chamber.recordInsuranceContract(
                .with {
                    $0.licenseNumber = almaty[2]
                    $0.insurer = "Nomad Insurance"
                    $0.contractNumber = "PL-2"
                    $0.concludedOn = "2026-01-10"
                    $0.validFrom = "2026-01-10"
                    $0.validTo = "2026-06-30"
                    $0.sumInsured = "4325000"
                }
            ).contract
            #expect(good.sufficient)
            let licensing = LicensingStub(connection: ministry)
            #expect(try await licensing.mayPractise(.with { $0.licenseNumber = almaty[1] }).mayPractise == false)
            #expect(try await licensing.mayPractise(.with { $0.licenseNumber = almaty[2] }).mayPractise)

            // The under-insured bailiff receives nothing; the insured one everything.
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with { $0.proceedings = ["Y-1", "Y-2"].map { TransferTests.record($0, holder: almaty[0]) } })
            _ = try await licensing.suspendLicense(LicenseLifecycleTests.suspension(almaty[0], until: "2026-06-30"))
            _ = try await registry.core.runTransferBatch()
            let holders = try await registry.store.read {
                try $0.proceedings(matching: ProceedingFilter(), after: nil, limit: 10).map(\.holder)
            }
            #expect(holders == [.bailiff(license: almaty[2]), .bailiff(license: almaty[2])])

            clock.set("2026-07-01")
            let lapsed = try await licensing.mayPractise(.with { $0.licenseNumber = almaty[2] })
            #expect(lapsed.conditions.first { $0.condition == "insurance" }?.detail == "no insurance contract covers 2026-07-01")
            await chamberConnection.close()
            await ministry.close()
        }
    }
}
