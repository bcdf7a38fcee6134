import Enforcement
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// Facts that change after registration (140.2, 144.1, 167(11-1)) through registryd at fixed dates.
@Suite("End to end: a person's facts after registration", .serialized)
struct PersonFactTests {
    static func fact(_ kind: WirePersonFactKind, _ from: String, ground: String = "", value: String = "") -> WirePersonFact {
        .with {
            $0.kind = kind
            $0.from = from
            $0.ground = ground
            $0.value = value
            $0.reference = "doc-\(from)"
        }
    }

    static func record(_ stub: RegistryStub, _ serial: Int, _ fact: WirePersonFact) async throws -> Int64 {
        try await stub.recordPersonFact(
            .with {
                $0.iin = Sample.iin(serial)
                $0.fact = fact
                $0.source = "court"
            }
        ).entry
    }

    @Test func aConvictionRecordedAfterRegistrationBarsTheLicenseUntilItIsExpunged_140_2_2() async throws {
        let clock = SteppingClock("2027-03-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let persons = RegistryStub(connection: ministry)
            let licensing = LicensingStub(connection: ministry)
            _ = try await persons.registerPerson(Sample.person(300))
            let conviction = try await Self.record(persons, 300, Self.fact(.conviction, "2027-02-01"))
            let refused = await #expect(throws: RPCError.self) {
                _ = try await licensing.issueLicense(Sample.issue(300, date: "2027-03-01"))
            }
            #expect(refused?.legalBasis == "140.2.2")

            // Expunged on 1 May: the end is an entry of its own, and the license can be issued from then.
            clock.set("2027-05-02")
            let ended = try await persons.recordPersonFact(
                .with {
                    $0.iin = Sample.iin(300)
                    $0.ends = conviction
                    $0.fact.from = "2027-05-01"
                    $0.source = "court ruling on expungement"
                })
            #expect(ended.person.facts.first { $0.kind == .conviction }?.to == "2027-05-01")
            let again = await #expect(throws: RPCError.self) {
                _ = try await persons.recordPersonFact(
                    .with {
                        $0.iin = Sample.iin(300)
                        $0.ends = conviction
                        $0.fact.from = "2027-05-02"
                        $0.source = "x"
                    })
            }
            #expect(again?.reason == "FACT_ALREADY_ENDED")
            _ = try await licensing.issueLicense(Sample.issue(300, date: "2027-05-02"))
            await ministry.close()
        }
    }

    @Test func factsAreNeverOverwrittenACorrectionSupersedesAnEntryWithItsReasonAndAuthor_167_11_1() async throws {
        let clock = SteppingClock("2027-03-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let persons = RegistryStub(connection: ministry)
            _ = try await persons.registerPerson(Sample.person(301))
            let wrong = try await Self.record(persons, 301, Self.fact(.negativeDismissal, "2027-01-10"))

            let noSource = await #expect(throws: RPCError.self) {
                _ = try await persons.recordPersonFact(
                    .with {
                        $0.iin = Sample.iin(301)
                        $0.fact = Self.fact(.death, "2027-01-01")
                    })
            }
            #expect(noSource?.code == .invalidArgument)
            #expect(noSource?.legalBasis == "167(11-1)")
            let future = await #expect(throws: RPCError.self) { _ = try await Self.record(persons, 301, Self.fact(.death, "2027-03-02")) }
            #expect(future?.code == .invalidArgument)

            let territorial = RegistryStub(connection: try await registry.connect(role: "territorialBody"))
            let corrected = try await territorial.correctPersonFact(
                .with {
                    $0.iin = Sample.iin(301)
                    $0.entry = wrong
                    $0.fact = Self.fact(.negativeDismissal, "2026-01-10")
                    $0.reason = "the order's date was misread"
                    $0.source = "order 15-k"
                })
            #expect(corrected.person.facts.filter { $0.kind == .negativeDismissal }.map(\.from) == ["2026-01-10"])
            let twice = await #expect(throws: RPCError.self) {
                _ = try await persons.correctPersonFact(
                    .with {
                        $0.iin = Sample.iin(301)
                        $0.entry = wrong
                        $0.reason = "x"
                        $0.source = "y"
                    })
            }
            #expect(twice?.reason == "PERSON_FACT_SUPERSEDED")
            let noReason = await #expect(throws: RPCError.self) {
                _ = try await persons.correctPersonFact(
                    .with {
                        $0.iin = Sample.iin(301)
                        $0.entry = corrected.entry
                        $0.source = "y"
                    })
            }
            #expect(noReason?.code == .invalidArgument)

            // Withdrawn: nothing is in force, and the history shows all three entries with their authors.
            let withdrawn = try await persons.correctPersonFact(
                .with {
                    $0.iin = Sample.iin(301)
                    $0.entry = corrected.entry
                    $0.reason = "another person's order"
                    $0.source = "letter 7"
                })
            #expect(!withdrawn.person.facts.contains { $0.kind == .negativeDismissal })
            let shown = try await persons.getPerson(.with { $0.iin = Sample.iin(301) })
            let history = shown.history.filter { $0.fact.kind == .negativeDismissal }
            #expect(history.map(\.change) == [.records, .corrects, .withdraws])
            #expect(history[1].target == wrong && history[1].reason == "the order's date was misread")
            #expect(history[1].recordedBy.hasSuffix("territorialBody/region/almaty-city"))
            #expect(history[0].fact.from == "2027-01-10")  // the wrong entry is kept as it was
            #expect(shown.history.first?.source == "registration")
            await ministry.close()
        }
    }

    @Test func aLaterGuiltyVerdictOrDeathMakesTheMonitorDraftA144_1TerminationOncePerFact() async throws {
        let clock = SteppingClock("2027-03-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let persons = RegistryStub(connection: ministry)
            let proposals = ProposalsStub(connection: ministry)
            _ = try await persons.registerPerson(Sample.person(302))
            let license = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(302, date: "2027-01-10")).license.number
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.filter { $0.ground.hasPrefix("t144") }.isEmpty)

            _ = try await Self.record(persons, 302, Self.fact(.conviction, "2027-02-20"))
            let drafts = try await proposals.runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground) == ["t144_1_2"])
            #expect(drafts.first?.licenseNumber == license)
            #expect(drafts.first?.author == .territorialBody)
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.isEmpty)  // once per fact

            // As of the day before his death only the verdict is found, and it was drafted already.
            _ = try await Self.record(persons, 302, Self.fact(.death, "2027-02-27"))
            #expect(try await proposals.runMonitors(.with { $0.asOf = "2027-02-26" }).drafts.isEmpty)
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.map(\.ground) == ["t144_1_4"])
            await ministry.close()
        }
    }

    @Test func anInternshipStartAndAnAdmissionReviewReadTheFactsOnRecordThatDay_156_1_1_141_1_4() async throws {
        let clock = SteppingClock("2026-01-05")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let persons = RegistryStub(connection: ministry)
            _ = try await persons.registerPerson(Sample.person(303))
            let host = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(303, date: "2021-06-01")).license.number
            try await Sample.makePractising([(host, "almaty-city", "2021-06-01")], ministry: ministry)
            _ = try await persons.registerPerson(Sample.person(304))
            _ = try await persons.registerPerson(Sample.person(305))
            let territorial = CandidatesStub(connection: try await registry.connect(role: "territorialBody"))

            _ = try await Self.record(persons, 304, Self.fact(.negativeDismissal, "2025-12-20"))
            let barred = await #expect(throws: RPCError.self) {
                _ = try await territorial.startInternship(
                    .with {
                        $0.internIin = Sample.iin(304)
                        $0.hostLicense = host
                    })
            }
            #expect(barred?.legalBasis == "156.1-1")

            let internship = try await territorial.startInternship(
                .with {
                    $0.internIin = Sample.iin(305)
                    $0.hostLicense = host
                }
            ).internship
            clock.set("2026-07-01")
            _ = try await territorial.endInternship(
                .with {
                    $0.id = internship.id
                    $0.completed = true
                    $0.evidence = "INT-305"
                })
            let application = try await territorial.submitApplication(.with { $0.candidateIin = Sample.iin(305) }).application
            // Registered after he applied: the review on its day reads it.
            _ = try await Self.record(persons, 305, Self.fact(.incapacity, "2026-06-15"))
            let refused = try await territorial.reviewApplication(.with { $0.id = application.id }).application
            #expect(refused.status == "refused")
            #expect(refused.legalBasis == "140.2.1")
            await ministry.close()
        }
    }

    @Test func aMoveOrANewDegreeOnRecordIsWhatTheRulesReadFromItsDay_140_1_141_1_2() async throws {
        let clock = SteppingClock("2027-03-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let persons = RegistryStub(connection: ministry)
            let licensing = LicensingStub(connection: ministry)
            var person = Sample.person(306)
            person.education = .legalNotHigher
            _ = try await persons.registerPerson(person)
            let refused = await #expect(throws: RPCError.self) {
                _ = try await licensing.issueLicense(Sample.issue(306, date: "2027-03-01"))
            }
            #expect(refused?.legalBasis == "140.1")
            let badValue = await #expect(throws: RPCError.self) {
                _ = try await Self.record(persons, 306, Self.fact(.education, "2027-02-01", value: "phd"))
            }
            #expect(badValue?.code == .invalidArgument)
            _ = try await Self.record(persons, 306, Self.fact(.education, "2027-02-01", value: "higherLegal"))
            _ = try await licensing.issueLicense(Sample.issue(306, date: "2027-03-01"))

            // He moved to Astana: Almaty's territorial body no longer acts on him as a resident,
            // but does as the body of the district his license is placed in.
            _ = try await persons.registerPerson(Sample.person(307))
            _ = try await Self.record(persons, 307, Self.fact(.residence, "2027-02-01", value: "astana"))
            let territorial = RegistryStub(connection: try await registry.connect(role: "territorialBody"))
            let other = await #expect(throws: RPCError.self) {
                _ = try await Self.record(territorial, 307, Self.fact(.death, "2027-02-10"))
            }
            #expect(other?.code == .permissionDenied)
            _ = try await Self.record(territorial, 306, Self.fact(.residence, "2027-02-10", value: "astana"))
            let bailiff = RegistryStub(connection: try await registry.connect(role: "bailiff"))
            let denied = await #expect(throws: RPCError.self) { _ = try await Self.record(bailiff, 306, Self.fact(.death, "2027-02-10")) }
            #expect(denied?.code == .permissionDenied)
            await ministry.close()
        }
    }

    @Test func aMonitorRunAsOfADateSkipsALicenseNotYetIssuedThen() async throws {
        let clock = SteppingClock("2027-03-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let persons = RegistryStub(connection: ministry)
            let proposals = ProposalsStub(connection: ministry)
            _ = try await persons.registerPerson(Sample.person(308))
            _ = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(308, date: "2027-02-10"))
            // A verdict of January learned only now: in force on both days, but on 9 February there was no license yet.
            _ = try await Self.record(persons, 308, Self.fact(.conviction, "2027-01-20"))
            #expect(try await proposals.runMonitors(.with { $0.asOf = "2027-02-09" }).drafts.isEmpty)
            #expect(try await proposals.runMonitors(.with { $0.asOf = "2027-02-25" }).drafts.map(\.ground) == ["t144_1_2"])
            await ministry.close()
        }
    }
}
