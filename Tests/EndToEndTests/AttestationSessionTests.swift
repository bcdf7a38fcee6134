import Enforcement
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// Attestation sessions (141.1, 141-1.5–11) through registryd at fixed dates.
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
