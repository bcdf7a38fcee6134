import Enforcement
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// Every body within its powers (141.1, 144.2, 161, 162, 168, 170): a regional body acts on its
/// own region, a proceeding is closed by the body that opened it, the Ministry sues on its own.
@Suite("End to end: every body within its powers", .serialized)
struct BodiesWithinPowersTests {
    @Test func aRegionalChamberActsOnlyOnTheBailiffsOfItsOwnRegion_162_153_1_3_170_2() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, astana) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            let almatyChamber = try await registry.connect(role: "regionalChamber")
            let chamber = ChamberStub(connection: almatyChamber)
            var refusals: [RPCError?] = []
            refusals.append(
                await #expect(throws: RPCError.self) {
                    _ = try await chamber.recordInsuranceContract(
                        .with {
                            $0.licenseNumber = astana
                            $0.insurer = "Nomad"
                            $0.contractNumber = "X"
                            $0.concludedOn = "2026-03-03"
                            $0.validFrom = "2026-03-03"
                            $0.validTo = "2027-03-02"
                            $0.sumInsured = "5000000"
                        })
                })
            refusals.append(
                await #expect(throws: RPCError.self) {
                    _ = try await chamber.recordTraining(
                        .with {
                            $0.licenseNumber = astana
                            $0.completedOn = "2026-03-20"
                            $0.programme = "p"
                            $0.certificate = "c"
                        })
                })
            refusals.append(
                await #expect(throws: RPCError.self) {
                    _ = try await chamber.recordDuesPayment(
                        .with {
                            $0.licenseNumber = astana
                            $0.quarter = "2026Q1"
                            $0.reference = "r"
                        })
                })
            refusals.append(
                await #expect(throws: RPCError.self) {
                    _ = try await DisciplineStub(connection: almatyChamber).openDisciplinaryProceeding(
                        .with {
                            $0.licenseNumber = astana
                            $0.source = "complaint"
                        })
                })
            refusals.append(
                await #expect(throws: RPCError.self) {
                    _ = try await ProposalsStub(connection: almatyChamber).submitProposal(
                        .with {
                            $0.licenseNumber = astana
                            $0.ground = "s143_2_5"
                            $0.facts = "f"
                        })
                })
            refusals.append(
                await #expect(throws: RPCError.self) {
                    _ = try await ProceedingsStub(connection: almatyChamber).recordTemporaryReplacement(
                        .with {
                            $0.replacedLicense = astana
                            $0.substituteLicense = almaty[0]
                            $0.ground = "annualLeave"
                            $0.from = "2026-04-06"
                            $0.to = "2026-04-20"
                            $0.reference = "o"
                        })
                })
            #expect(refusals.map { $0?.reason } == Array(repeating: "OTHER_REGION", count: 6))
            #expect(refusals.allSatisfy { $0?.code == .permissionDenied && $0?.legalBasis.isEmpty == false })

            // Astana's own chamber may.
            let astanaChamber = DisciplineStub(connection: try await registry.connect(role: "regionalChamber-astana"))
            _ = try await astanaChamber.openDisciplinaryProceeding(
                .with {
                    $0.licenseNumber = astana
                    $0.source = "complaint 3"
                })
            await ministry.close()
        }
    }

    @Test func aDisciplinaryProceedingIsClosedOnlyByTheBodyThatOpenedIt_170_3() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            let regional = DisciplineStub(connection: try await registry.connect(role: "regionalChamber"))
            let opened = try await regional.openDisciplinaryProceeding(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.source = "representation TB-4"
                }
            ).proceeding
            let republican = DisciplineStub(connection: try await registry.connect(role: "republicanChamber"))
            let notOpener = await #expect(throws: RPCError.self) {
                _ = try await republican.closeDisciplinaryProceeding(
                    .with {
                        $0.id = opened.id
                        $0.outcome = "no breach"
                    })
            }
            #expect(notOpener?.reason == "NOT_THE_OPENING_BODY")
            #expect(notOpener?.legalBasis == "170.3")
            #expect(
                try await regional.closeDisciplinaryProceeding(
                    .with {
                        $0.id = opened.id
                        $0.outcome = "no breach"
                    }
                ).proceeding.closedOn == "2026-04-01")
            await ministry.close()
        }
    }

    @Test func anAttestationCommissionDecidesOnlyTheSessionsOfItsRegion_141_1() async throws {
        let clock = SteppingClock("2026-05-01")
        try await withRegistry(clock: clock) { registry in
            let territorial = CandidatesStub(connection: try await registry.connect(role: "territorialBody"))
            let session = try await territorial.scheduleSession(
                .with {
                    $0.heldOn = "2026-05-20"
                    $0.details = "TB Almaty, hall 2"
                }
            ).session
            #expect(session.region == "almaty-city")
            clock.set("2026-05-20")
            let astana = CandidatesStub(connection: try await registry.connect(role: "attestationCommission-astana"))
            let other = await #expect(throws: RPCError.self) {
                _ = try await astana.recordMinutes(
                    .with {
                        $0.sessionID = session.id
                        $0.minutes = "m-1"
                    })
            }
            #expect(other?.reason == "OTHER_REGION")
            let own = CandidatesStub(connection: try await registry.connect(role: "attestationCommission"))
            _ = try await own.recordMinutes(
                .with {
                    $0.sessionID = session.id
                    $0.minutes = "minutes 2026-05-20/1"
                })
        }
    }

    @Test func theMinistryMayFileADeprivationClaimOnItsOwnInitiative_144_2_167_9() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-10")) { registry in
            let (ministry, licensing, number) = try await LicenseLifecycleTests.issued(registry, 109)
            let claimed = try await licensing.fileDeprivationClaim(
                .with {
                    $0.number = number
                    $0.ground = "d144_2_3"
                    $0.reasons = "the diploma submitted for the license was forged"
                    $0.claim = "SMAS Almaty, case 2-88/2026"
                }
            ).license
            #expect(claimed.deprivationClaimPending)
            #expect(claimed.history.last?.proposal.reference.isEmpty ?? true)
            await ministry.close()
        }
    }
}
