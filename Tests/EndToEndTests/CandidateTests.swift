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
