import Enforcement
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// The register of assistants (156, 156-1), of ID cards and seals (154), and the regional
/// chamber's duties when a license ends (144.4), through registryd.
@Suite("End to end: assistants, ID cards, seals and the withdrawn license", .serialized)
struct StaffAndDocumentsTests {
    static func assistant(_ serial: Int, employer: String) -> WireRegisterAssistantRequest {
        .with {
            $0.iin = Sample.iin(serial)
            $0.employerLicense = employer
            $0.contract = "LC-\(serial)"
            $0.certificate = "RC-2026-\(serial)"
            $0.certificateOn = "2026-03-01"
            $0.programme = "Assistants' course, Board decision 4"
        }
    }

    @Test func aBailiffRegistersHisOwnAssistantAndTheBarsOf156_1_1HoldAtTheDoor_156_1_156_2() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            let persons = RegistryStub(connection: ministry)
            var legal = Sample.person(400)
            legal.education = .legalNotHigher
            _ = try await persons.registerPerson(legal)
            var convicted = Sample.person(401)
            convicted.facts.append(
                .with {
                    $0.kind = .conviction
                    $0.from = "2024-05-01"
                })
            _ = try await persons.registerPerson(convicted)

            let bailiff = ChamberStub(connection: try await registry.connect(role: "bailiff"))  // license 2026-000001
            #expect(almaty[0] == "2026-000001")
            let added = try await bailiff.registerAssistant(Self.assistant(400, employer: almaty[0])).assistant
            #expect(added.status == "employed" && added.employedFrom == "2026-04-01")
            let again = await #expect(throws: RPCError.self) {
                _ = try await bailiff.registerAssistant(Self.assistant(400, employer: almaty[0]))
            }
            #expect(again?.reason == "ALREADY_AN_ASSISTANT")
            let notHis = await #expect(throws: RPCError.self) {
                _ = try await bailiff.registerAssistant(Self.assistant(400, employer: almaty[1]))
            }
            #expect(notHis?.reason == "NOT_THE_EMPLOYER")
            let barred = await #expect(throws: RPCError.self) {
                _ = try await bailiff.registerAssistant(Self.assistant(401, employer: almaty[0]))
            }
            #expect(barred?.legalBasis == "156.1-1")
            #expect(barred?.reason == "UNEXPUNGED_CONVICTION")
            var noCertificate = Self.assistant(400, employer: almaty[1])
            noCertificate.certificate = ""
            let chamber = ChamberStub(connection: try await registry.connect(role: "regionalChamber"))
            #expect(await #expect(throws: RPCError.self) { _ = try await chamber.registerAssistant(noCertificate) }?.legalBasis == "156.2")
            let otherRegion = ChamberStub(connection: try await registry.connect(role: "regionalChamber-astana"))
            #expect(
                await #expect(throws: RPCError.self) {
                    _ = try await otherRegion.registerAssistant(Self.assistant(400, employer: almaty[1]))
                }?.reason == "OTHER_REGION")
            // The same person may also work for a second bailiff, registered by that bailiff's chamber.
            _ = try await chamber.registerAssistant(Self.assistant(400, employer: almaty[1]))

            let ended = try await bailiff.endAssistant(
                .with {
                    $0.id = added.id
                    $0.reason = "contract expired"
                }
            ).assistant
            #expect(ended.status == "ended" && ended.endedOn == "2026-04-01")
            let listed = try await ChamberStub(connection: ministry).listAssistants(.with { $0.iin = Sample.iin(400) }).assistants
            #expect(listed.map(\.employerLicense) == [almaty[0], almaty[1]])
            #expect(try await bailiff.listAssistants(.with { $0.iin = Sample.iin(400) }).assistants.map(\.employerLicense) == [almaty[0]])
            await ministry.close()
        }
    }

    @Test func theRegionalChamberIssuesCardAndSealAndOnTerminationWithdrawsTheLicenseAndDestroysThem_154_144_4() async throws {
        let clock = SteppingClock("2026-04-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            let chamber = ChamberStub(connection: try await registry.connect(role: "regionalChamber"))
            let card = try await chamber.issueServiceDocument(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.kind = "idCard"
                    $0.number = "ID-0001"
                }
            ).document
            #expect(card.district == "almaty-city" && card.holderName.hasPrefix("Ахметов"))
            _ = try await chamber.issueServiceDocument(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.kind = "seal"
                    $0.number = "S-0001"
                })
            let second = await #expect(throws: RPCError.self) {
                _ = try await chamber.issueServiceDocument(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.kind = "seal"
                        $0.number = "S-0002"
                    })
            }
            #expect(second?.reason == "DOCUMENT_LIVE")
            let astana = ChamberStub(connection: try await registry.connect(role: "regionalChamber-astana"))
            #expect(
                await #expect(throws: RPCError.self) {
                    _ = try await astana.issueServiceDocument(
                        .with {
                            $0.licenseNumber = almaty[0]
                            $0.kind = "seal"
                            $0.number = "S-9"
                        })
                }?.reason == "OTHER_REGION")
            let early = await #expect(throws: RPCError.self) {
                _ = try await chamber.destroyServiceDocument(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.kind = "seal"
                        $0.reason = "licenseEnded"
                        $0.act = "Act 1"
                    })
            }
            #expect(early?.reason == "LICENSE_NOT_ENDED" && early?.legalBasis == "144.4")

            clock.set("2026-04-10")
            _ = try await LicensingStub(connection: ministry).terminateLicense(
                .with {
                    $0.number = almaty[0]
                    $0.ground = "tOwnApplication"
                    $0.application = "application of 2026-04-09"
                    $0.reasons = "leaves the profession"
                })
            var register = try await chamber.listServiceDocuments(.with { $0.licenseNumber = almaty[0] })
            #expect(
                register.outstanding == [
                    "the license document is not withdrawn", "idCard ID-0001 is not destroyed", "seal S-0001 is not destroyed",
                ])
            _ = try await chamber.withdrawLicenseDocument(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.act = "Act W-3"
                })
            #expect(
                await #expect(throws: RPCError.self) {
                    _ = try await chamber.withdrawLicenseDocument(
                        .with {
                            $0.licenseNumber = almaty[0]
                            $0.act = "Act W-4"
                        })
                }?.reason == "ALREADY_WITHDRAWN")
            for kind in ["idCard", "seal"] {
                _ = try await chamber.destroyServiceDocument(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.kind = kind
                        $0.reason = "licenseEnded"
                        $0.act = "Act D-\(kind)"
                    })
            }
            register = try await ChamberStub(connection: ministry).listServiceDocuments(.with { $0.licenseNumber = almaty[0] })
            #expect(register.outstanding.isEmpty)
            #expect(register.withdrawal.act == "Act W-3" && register.withdrawal.withdrawnOn == "2026-04-10")
            #expect(register.documents.allSatisfy { $0.destroyedOn == "2026-04-10" && $0.destructionReason == "licenseEnded" })
            await ministry.close()
        }
    }

    @Test func aHostWithStateBailiffServiceOnRecordHostsBeforeThreeYearsOfPrivatePractice_156_3() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let persons = RegistryStub(connection: ministry)
            _ = try await persons.registerPerson(Sample.person(410))
            let host = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(410, date: "2025-04-01")).license.number
            try await Sample.makePractising([(host, "almaty-city", "2025-04-01")], ministry: ministry)
            _ = try await persons.registerPerson(Sample.person(411))
            let candidates = CandidatesStub(connection: try await registry.connect(role: "territorialBody"))
            let young = await #expect(throws: RPCError.self) {
                _ = try await candidates.startInternship(
                    .with {
                        $0.internIin = Sample.iin(411)
                        $0.hostLicense = host
                    })
            }
            #expect(young?.reason == "HOST_UNDER_THREE_YEARS")
            #expect(young?.retryOn == "2028-04-01")
            // Two years as a state bailiff before he went private count (156.3: сот орындаушысы, state or private).
            _ = try await persons.recordPersonFact(
                .with {
                    $0.iin = Sample.iin(410)
                    $0.source = "service record of the enforcement department"
                    $0.fact = .with {
                        $0.kind = .stateBailiffService
                        $0.from = "2023-03-01"
                        $0.to = "2025-03-01"
                    }
                })
            let internship = try await candidates.startInternship(
                .with {
                    $0.internIin = Sample.iin(411)
                    $0.hostLicense = host
                }
            ).internship
            #expect(internship.hostLicense == host)
            await ministry.close()
        }
    }

    @Test func theMinistrySetsAnMCIFromADayWithinTheYearAndTheMinimumReadsTheContractsDay_146_2_1() async throws {
        try await withRegistry(clock: SteppingClock("2026-07-05")) { registry in
            let ministry = try await registry.connect()
            let registryStub = RegistryStub(connection: ministry)
            let table = try await registryStub.setMCI(
                .with {
                    $0.effectiveFrom = "2026-07-01"
                    $0.tenge = 4_500
                    $0.source = "budget amendment of 2026-06-20"
                })
            #expect(table.rates.suffix(2).map(\.effectiveFrom) == ["2026-01-01", "2026-07-01"])
            #expect(table.years.last?.tenge == 4_325)  // the rate in force on 1 January
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            let chamber = ChamberStub(connection: try await registry.connect(role: "republicanChamber"))
            // 1,000 MCI in Almaty: 4,325,000 before 1 July, 4,500,000 from then on.
            let june = try await chamber.recordInsuranceContract(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.insurer = "Nomad"
                    $0.contractNumber = "PL-JUNE"
                    $0.concludedOn = "2026-06-30"
                    $0.validFrom = "2026-07-01"
                    $0.validTo = "2027-06-30"
                    $0.sumInsured = "4400000"
                }
            ).contract
            #expect(june.minimum == "4325000.00" && june.sufficient)
            let july = try await chamber.recordInsuranceContract(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.insurer = "Nomad"
                    $0.contractNumber = "PL-JULY"
                    $0.concludedOn = "2026-07-01"
                    $0.validFrom = "2026-07-01"
                    $0.validTo = "2027-06-30"
                    $0.sumInsured = "4400000"
                }
            ).contract
            #expect(july.minimum == "4500000.00" && !july.sufficient)
            let bad = await #expect(throws: RPCError.self) {
                _ = try await registryStub.setMCI(
                    .with {
                        $0.effectiveFrom = "2026-13-01"
                        $0.tenge = 1
                        $0.source = "x"
                    })
            }
            #expect(bad?.code == .invalidArgument)
            await ministry.close()
        }
    }
}
