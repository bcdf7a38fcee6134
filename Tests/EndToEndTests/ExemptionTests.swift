import Enforcement
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// Exemptions from the internship and attestation (142.5), each checked against its evidence.
@Suite("End to end: exemptions, Art. 142.5", .serialized)
struct ExemptionTests {
    @Test func eachExemptionIsCheckedAgainstItsEvidenceAndALicenseRestsOnIt_142_5() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-10")) { registry in
            let ministry = try await registry.connect()
            for serial in [180, 181, 182] { _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(serial)) }
            let candidates = CandidatesStub(connection: ministry)
            let short = await #expect(throws: RPCError.self) {
                _ = try await candidates.recordExemption(
                    .with {
                        $0.iin = Sample.iin(180)
                        $0.ground = "prosecutorOrInvestigator"
                        $0.evidence = "service record"
                        $0.service = [
                            .with {
                                $0.from = "2016-02-01"
                                $0.to = "2021-01-30"
                                $0.position = "investigator"
                            }
                        ]
                    })
            }
            #expect(short?.reason == "SERVICE_TOO_SHORT")
            #expect(short?.legalBasis == "142.5.3")
            let five = try await candidates.recordExemption(
                .with {
                    $0.iin = Sample.iin(180)
                    $0.ground = "prosecutorOrInvestigator"
                    $0.evidence = "service record"
                    $0.service = [
                        .with {
                            $0.from = "2016-02-01"
                            $0.to = "2018-12-31"
                            $0.position = "investigator"
                        },
                        .with {
                            $0.from = "2019-01-01"
                            $0.to = "2021-01-31"
                            $0.position = "prosecutor"
                        },
                    ]
                })
            #expect(five.legalBasis == "142.5.3")
            let twoYears = try await candidates.recordExemption(
                .with {
                    $0.iin = Sample.iin(181)
                    $0.ground = "stateEnforcementService"
                    $0.evidence = "order 5"
                    $0.service = [
                        .with {
                            $0.from = "2022-03-01"
                            $0.to = "2024-02-29"
                            $0.position = "stateBailiff"
                        }
                    ]
                })
            #expect(twoYears.legalBasis == "142.5.4")
            let judge = await #expect(throws: RPCError.self) {
                _ = try await candidates.recordExemption(
                    .with {
                        $0.iin = Sample.iin(182)
                        $0.ground = "judge"
                        $0.evidence = "decree"
                        $0.releaseGround = "34.1(11)"
                    })
            }
            #expect(judge?.legalBasis == "142.5.2")

            let license = try await LicensingStub(connection: ministry).issueLicense(
                .with {
                    $0.holderIin = Sample.iin(180)
                    $0.district = "astana"
                    $0.licenseFeePaid = true
                }
            ).license
            #expect(license.basis.exemption == .prosecutorOrInvestigator)
            #expect(license.basis.evidence.hasPrefix("exemption "))
            let noFee = await #expect(throws: RPCError.self) {
                _ = try await LicensingStub(connection: ministry).issueLicense(
                    .with {
                        $0.holderIin = Sample.iin(181)
                        $0.district = "astana"
                    })
            }
            #expect(noFee?.legalBasis == "142.3")
            await ministry.close()
        }
    }
}
