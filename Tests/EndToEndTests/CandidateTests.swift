import Enforcement
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// The way to a license (141-1, 156) through registryd at fixed dates.
@Suite("End to end: internships and attestation applications", .serialized)
struct CandidateTests {
    @Test func anInternWithAThreeYearHostAppliesAndTheTerritorialBodyDecidesWithinItsDeadlines_141_1_156_3() async throws {
        let clock = SteppingClock("2026-01-05")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let persons = RegistryStub(connection: ministry)
            let licensing = LicensingStub(connection: ministry)
            _ = try await persons.registerPerson(Sample.person(140))
            let senior = try await licensing.issueLicense(Sample.issue(140, date: "2022-06-01")).license.number
            _ = try await persons.registerPerson(Sample.person(141))
            let junior = try await licensing.issueLicense(Sample.issue(141, date: "2024-06-01")).license.number
            try await Sample.makePractising(
                [(senior, "almaty-city", "2022-06-01"), (junior, "almaty-city", "2024-06-01")], ministry: ministry)
            _ = try await persons.registerPerson(Sample.person(142))  // the candidate
            var dismissed = Sample.person(143)
            dismissed.facts.append(
                .with {
                    $0.kind = .negativeDismissal
                    $0.from = "2020-02-01"
                })
            _ = try await persons.registerPerson(dismissed)

            let territorialConnection = try await registry.connect(role: "territorialBody")
            let candidates = CandidatesStub(connection: territorialConnection)
            let young = await #expect(throws: RPCError.self) {
                _ = try await candidates.startInternship(
                    .with {
                        $0.internIin = Sample.iin(142)
                        $0.hostLicense = junior
                    })
            }
            #expect(young?.legalBasis == "156.3")
            #expect(young?.retryOn == "2027-06-01")
            let barred = await #expect(throws: RPCError.self) {
                _ = try await candidates.startInternship(
                    .with {
                        $0.internIin = Sample.iin(143)
                        $0.hostLicense = senior
                    })
            }
            #expect(barred?.legalBasis == "156.1-1")

            let internship = try await candidates.startInternship(
                .with {
                    $0.internIin = Sample.iin(142)
                    $0.hostLicense = senior
                }
            ).internship
            // 141-1.4: an incomplete application is registered and refused with reasons and the appeal route.
            let tooEarly = try await candidates.submitApplication(.with { $0.candidateIin = Sample.iin(142) }).application
            #expect(tooEarly.id > 0 && tooEarly.status == "refused" && tooEarly.decidedOn == "2026-01-05")
            #expect(tooEarly.legalBasis == "141-1.2")
            #expect(
                tooEarly.reasons.contains("no completed internship")
                    && tooEarly.reasons.contains("administrative complaint to the Ministry"))
            clock.set("2026-03-19")
            _ = try await candidates.endInternship(
                .with {
                    $0.id = internship.id
                    $0.completed = true
                    $0.evidence = "certificate INT-2026-7"
                })

            // Received Friday 20 March 2026, on the eve of Nauryz (23–25 March off).
            clock.set("2026-03-20")
            let application = try await candidates.submitApplication(.with { $0.candidateIin = Sample.iin(142) }).application
            #expect(application.returnDueOn == "2026-04-01")
            #expect(application.decisionDueOn == "2026-04-15")
            let again = await #expect(throws: RPCError.self) {
                _ = try await candidates.submitApplication(.with { $0.candidateIin = Sample.iin(142) })
            }
            #expect(again?.code == .alreadyExists)

            clock.set("2026-04-02")
            let lateReturn = await #expect(throws: RPCError.self) {
                _ = try await candidates.returnApplication(
                    .with {
                        $0.id = application.id
                        $0.reasons = "no diploma copy"
                    })
            }
            #expect(lateReturn?.reason == "RETURN_TERM_PASSED")
            #expect(lateReturn?.legalBasis == "141-1.3")
            clock.set("2026-04-16")
            #expect(try await candidates.listApplications(.with { $0.overdueOn = "2026-04-16" }).applications.map(\.id) == [application.id])
            let admitted = try await candidates.reviewApplication(.with { $0.id = application.id }).application
            #expect(admitted.status == "admitted")
            #expect(admitted.late)
            await territorialConnection.close()
            await ministry.close()
        }
    }

    @Test func aCandidateWhoFails140IsRefusedWithReasonsArticlesAndTheAppealRoute_141_1_4() async throws {
        let clock = SteppingClock("2025-01-10")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let persons = RegistryStub(connection: ministry)
            _ = try await persons.registerPerson(Sample.person(150))
            var host = Sample.issue(150, date: "2021-06-01")
            host.district = "almaty-city"
            let senior = try await LicensingStub(connection: ministry).issueLicense(host).license.number
            try await Sample.makePractising([(senior, host.district, host.issueDate)], ministry: ministry)
            var candidate = Sample.person(151)
            candidate.facts.append(
                .with {
                    $0.kind = .adminCorruptionPenalty
                    $0.from = "2024-05-01"
                })
            _ = try await persons.registerPerson(candidate)
            let territorialConnection = try await registry.connect(role: "territorialBody")
            let candidates = CandidatesStub(connection: territorialConnection)
            let internship = try await candidates.startInternship(
                .with {
                    $0.internIin = Sample.iin(151)
                    $0.hostLicense = senior
                }
            ).internship
            clock.set("2025-07-01")
            _ = try await candidates.endInternship(
                .with {
                    $0.id = internship.id
                    $0.completed = true
                    $0.evidence = "INT-1"
                })
            // Ineligible on the day it is received: registered and refused at once, a decision he can appeal.
            let refused = try await candidates.submitApplication(.with { $0.candidateIin = Sample.iin(151) }).application
            #expect(refused.status == "refused" && refused.decidedOn == "2025-07-01")
            let listed = try await candidates.listApplications(WireListApplicationsRequest()).applications
            #expect(listed.map(\.id) == [refused.id])
            #expect(refused.legalBasis == "140.2.6")
            #expect(refused.reasons.contains("administrative complaint to the Ministry"))
            #expect(!refused.late)

            let other = CandidatesStub(connection: try await registry.connect(role: "regionalChamber"))
            let denied = await #expect(throws: RPCError.self) { _ = try await other.reviewApplication(.with { $0.id = refused.id }) }
            #expect(denied?.code == .permissionDenied)
            await territorialConnection.close()
            await ministry.close()
        }
    }
}

@Suite("End to end: attestation sessions", .serialized)
struct AttestationSessionTests {
    /// An admitted candidate (serial) in Almaty, with the territorial body's connection.
    static func admitted(_ registry: TestRegistry, _ clock: SteppingClock, serials: [Int]) async throws -> (CandidatesStub, [Int64]) {
        let ministry = try await registry.connect()
        let persons = RegistryStub(connection: ministry)
        _ = try await persons.registerPerson(Sample.person(160))
        let host = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(160, date: "2021-01-10")).license.number
        try await Sample.makePractising([(host, "almaty-city", "2021-01-10")], ministry: ministry)
        let territorial = CandidatesStub(connection: try await registry.connect(role: "territorialBody"))
        var ids: [Int64] = []
        for serial in serials {
            _ = try await persons.registerPerson(Sample.person(serial))
            let internship = try await territorial.startInternship(
                .with {
                    $0.internIin = Sample.iin(serial)
                    $0.hostLicense = host
                    $0.startedOn = "2025-10-01"
                }
            ).internship
            _ = try await territorial.endInternship(
                .with {
                    $0.id = internship.id
                    $0.completed = true
                    $0.evidence = "INT-\(serial)"
                })
            let application = try await territorial.submitApplication(.with { $0.candidateIin = Sample.iin(serial) }).application
            _ = try await territorial.reviewApplication(.with { $0.id = application.id })
            ids.append(application.id)
        }
        return (territorial, ids)
    }

    @Test func aCandidateIsNotifiedTenDaysAheadAndTheCommissionDecidesByTheNextDay() async throws {
        let clock = SteppingClock("2026-05-04")
        try await withRegistry(clock: clock) { registry in
            let (territorial, ids) = try await Self.admitted(registry, clock, serials: [161, 162, 163])
            #expect(try await territorial.sessionGaps(.with { $0.quarter = "2026Q2" }).regions == ["almaty-city"])
            let session = try await territorial.scheduleSession(
                .with {
                    $0.heldOn = "2026-05-20"
                    $0.details = "TB Almaty, hall 2, 10:00, computer test then interview"
                }
            ).session
            #expect(try await territorial.sessionGaps(.with { $0.quarter = "2026Q2" }).regions.isEmpty)
            clock.set("2026-05-11")
            let late = await #expect(throws: RPCError.self) {
                _ = try await territorial.inviteCandidate(
                    .with {
                        $0.applicationID = ids[0]
                        $0.sessionID = session.id
                        $0.language = "kk"
                    })
            }
            #expect(late?.legalBasis == "141-1.5")
            clock.set("2026-05-10")
            let seats = try await ids.asyncMap { id in
                try await territorial.inviteCandidate(
                    .with {
                        $0.applicationID = id
                        $0.sessionID = session.id
                        $0.language = "ru"
                    }
                ).seat
            }

            let commission = CandidatesStub(connection: try await registry.connect(role: "attestationCommission"))
            clock.set("2026-05-21")
            let passed = try await commission.recordAttestationResult(
                .with {
                    $0.seatID = seats[0].id
                    $0.testPassed = true
                    $0.interviewPassed = true
                    $0.reasons = "82/100; answered the interview"
                }
            ).seat
            #expect(passed.outcome == "passed")
            let removed = try await commission.recordAttestationResult(
                .with {
                    $0.seatID = seats[1].id
                    $0.testPassed = false
                    $0.removed = true
                    $0.reasons = "used a phone during the test"
                }
            ).seat
            #expect(removed.outcome == "removed")
            clock.set("2026-05-22")
            let tooLate = await #expect(throws: RPCError.self) {
                _ = try await commission.recordAttestationResult(
                    .with {
                        $0.seatID = seats[2].id
                        $0.testPassed = false
                        $0.reasons = "41/100"
                    })
            }
            #expect(tooLate?.legalBasis == "141-1.9")
            _ = try await commission.recordMinutes(
                .with {
                    $0.sessionID = session.id
                    $0.minutes = "minutes 2026-05-20/1; video record VR-331"
                })

            // The license rests on the passed attestation on record (142.1); without one it is refused.
            let ministry = LicensingStub(connection: try await registry.connect())
            let issued = try await ministry.issueLicense(
                .with {
                    $0.holderIin = Sample.iin(161)
                    $0.district = "almaty-city"
                    $0.licenseFeePaid = true
                }
            ).license
            #expect(issued.basis.attestationReference == "attestation application \(ids[0]), passed on 2026-05-21")
            #expect(issued.basis.evidence.hasPrefix("internship "))
            let none = await #expect(throws: RPCError.self) {
                _ = try await ministry.issueLicense(
                    .with {
                        $0.holderIin = Sample.iin(163)
                        $0.district = "almaty-city"
                        $0.licenseFeePaid = true
                    })
            }
            #expect(none?.reason == "NO_BASIS_ON_RECORD")
            #expect(none?.legalBasis == "142.1")
            var explicit = Sample.issue(163)
            explicit.historicalSource = ""
            #expect(await #expect(throws: RPCError.self) { _ = try await ministry.issueLicense(explicit) }?.reason == "BASIS_FROM_RECORD")

            // Removed on 21.05: a new application only from 21.08 (141-1.10).
            let reapply = try await territorial.submitApplication(.with { $0.candidateIin = Sample.iin(162) }).application
            #expect(reapply.status == "refused" && reapply.legalBasis == "141-1.10")
            #expect(reapply.reasons.contains("possible from 2026-08-21"))
        }
    }

    @Test func aSecondAbsenceReturnsTheApplication_141_1_11() async throws {
        let clock = SteppingClock("2026-05-04")
        try await withRegistry(clock: clock) { registry in
            let (territorial, ids) = try await Self.admitted(registry, clock, serials: [171])
            let commission = CandidatesStub(connection: try await registry.connect(role: "attestationCommission"))
            let first = try await territorial.scheduleSession(
                .with {
                    $0.heldOn = "2026-05-20"
                    $0.details = "hall 2"
                }
            ).session
            let seat1 = try await territorial.inviteCandidate(
                .with {
                    $0.applicationID = ids[0]
                    $0.sessionID = first.id
                    $0.language = "kk"
                }
            ).seat
            clock.set("2026-05-20")
            let invitedAgain = try await commission.recordAbsence(
                .with {
                    $0.seatID = seat1.id
                    $0.validReason = true
                    $0.reasons = "sick note"
                }
            ).application
            #expect(invitedAgain.status == "admitted")
            let second = try await territorial.scheduleSession(
                .with {
                    $0.heldOn = "2026-06-17"
                    $0.details = "hall 2"
                }
            ).session
            let seat2 = try await territorial.inviteCandidate(
                .with {
                    $0.applicationID = ids[0]
                    $0.sessionID = second.id
                    $0.language = "kk"
                }
            ).seat
            clock.set("2026-06-17")
            let returned = try await commission.recordAbsence(
                .with {
                    $0.seatID = seat2.id
                    $0.validReason = true
                    $0.reasons = "again ill"
                }
            ).application
            #expect(returned.status == "notConsideredReturned")
            #expect(returned.legalBasis == "141-1.11")
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

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
