import Enforcement
import Foundation
import GRDB
import Licensing
import RegistryClient
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf
import Testing

/// L2–L7 through registryd at fixed moments (a stepping clock), each refusal with its article.
@Suite("End to end: the license lifecycle, Art. 143–144", .serialized)
struct LicenseLifecycleTests {
    /// A registered person with a license issued on 2026-03-03, and the Ministry's connection.
    static func issued(_ registry: TestRegistry, _ serial: Int) async throws -> (RegistryConnection, LicensingStub, String) {
        let ministry = try await registry.connect()
        _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(serial))
        let licensing = LicensingStub(connection: ministry)
        return (ministry, licensing, try await licensing.issueLicense(Sample.issue(serial)).license.number)
    }

    static func suspension(_ number: String, until: String) -> WireSuspendLicenseRequest {
        var request = LicenseDecisionTests.suspension(number)
        request.termEnd = until
        return request
    }

    static func at(_ date: String, _ hour: Int = 0, _ minute: Int = 0) -> Int64 {
        SteppingClock.moment(date, hour, minute).millisecondsSinceEpoch
    }

    @Test func aDeputySuspensionHasNoTermAndEndsWhenTheMandateEnds_143_5() async throws {
        let clock = SteppingClock("2026-03-10")
        try await withRegistry(clock: clock) { registry in
            let (ministry, licensing, number) = try await Self.issued(registry, 100)
            let suspended = try await licensing.suspendOnOwnApplication(
                .with {
                    $0.number = number
                    $0.application = "application of 2026-03-09"
                    $0.reasons = "elected to the Almaty city maslikhat, full-time"
                }
            ).license
            #expect(suspended.status == .suspended)
            #expect(suspended.history.last?.kind == .suspendedOnApplication)
            #expect(suspended.history.last?.termEnd == "")
            #expect(suspended.history.last?.document == "application of 2026-03-09")

            clock.set("2030-11-02")
            let wrong = await #expect(throws: RPCError.self) {
                _ = try await licensing.reinstateLicense(
                    .with {
                        $0.number = number
                        $0.reasons = "x"
                    })
            }
            #expect(wrong?.reason == "DEPUTY_SUSPENSION")
            #expect(wrong?.legalBasis == "143.5")
            let resumed = try await licensing.resumeAfterMandate(
                .with {
                    $0.number = number
                    $0.reasons = "mandate ended 2030-11-01"
                }
            ).license
            #expect(resumed.status == .active)
            #expect(resumed.history.map(\.kind) == [.issued, .suspendedOnApplication, .resumedAfterMandate])
            await ministry.close()
        }
    }

    @Test func terminationOnOwnApplicationWaitsUntilTheDisciplinaryProceedingIsClosed_144_5() async throws {
        let clock = SteppingClock("2026-04-01")
        try await withRegistry(clock: clock) { registry in
            let (ministry, licensing, number) = try await Self.issued(registry, 101)
            let chamber = try await registry.connect(role: "regionalChamber")
            let discipline = DisciplineStub(connection: chamber)
            let opened = try await discipline.openDisciplinaryProceeding(
                .with {
                    $0.licenseNumber = number
                    $0.source = "complaint of a creditor, reg. 2026-77"
                }
            ).proceeding
            #expect(opened.openedOn == "2026-04-01")
            let notTheMinistry = await #expect(throws: RPCError.self) {
                _ = try await DisciplineStub(connection: ministry).openDisciplinaryProceeding(
                    .with {
                        $0.licenseNumber = number
                        $0.source = "x"
                    })
            }
            #expect(notTheMinistry?.code == .permissionDenied)

            let leave = WireTerminateLicenseRequest.with {
                $0.number = number
                $0.ground = "tOwnApplication"
                $0.application = "application of 2026-04-01"
                $0.reasons = "leaves the profession"
            }
            let refused = await #expect(throws: RPCError.self) { _ = try await licensing.terminateLicense(leave) }
            #expect(refused?.code == .failedPrecondition)
            #expect(refused?.reason == "DISCIPLINARY_PROCEEDING_OPEN")
            #expect(refused?.legalBasis == "144.5")

            clock.set("2026-04-20")
            _ = try await discipline.closeDisciplinaryProceeding(
                .with {
                    $0.id = opened.id
                    $0.outcome = "no penalty"
                })
            let terminated = try await licensing.terminateLicense(leave).license
            #expect(terminated.status == .terminated)
            #expect(terminated.history.last?.legalBasis == "144.5")
            let final = await #expect(throws: RPCError.self) {
                _ = try await licensing.suspendLicense(Self.suspension(number, until: "2026-05-20"))
            }
            #expect(final?.reason == "LICENSE_FINAL")
            await chamber.close()
            await ministry.close()
        }
    }

    @Test func deprivationIsAClaimThenACourtDecisionFromItsEntryIntoForceAndBarsForThreeYears_144_2_140_2_8() async throws {
        let clock = SteppingClock("2026-03-10")
        try await withRegistry(clock: clock) { registry in
            let (ministry, licensing, number) = try await Self.issued(registry, 102)
            var claim = WireFileDeprivationClaimRequest.with {
                $0.number = number
                $0.ground = "d144_2_2"
                $0.reasons = "fees above the Government's rates in 14 proceedings"
                $0.claim = "SMAS Almaty, case 2-1234/2026"
            }
            // A representation from a body 144.3 does not list is refused; none at all is the Ministry's own initiative.
            claim.proposal = .with {
                $0.author = .unspecified
                $0.reference = "letter"
            }
            let noBody = await #expect(throws: RPCError.self) { _ = try await licensing.fileDeprivationClaim(claim) }
            #expect(noBody?.code == .invalidArgument)
            claim.proposal = .with {
                $0.author = .prosecutor
                $0.reference = "Prosecutor of Almaty, representation 7-12"
            }
            let claimed = try await licensing.fileDeprivationClaim(claim).license
            #expect(claimed.status == .active)
            #expect(claimed.deprivationClaimPending)
            #expect(claimed.history.last?.kind == .deprivationClaimFiled)

            clock.set("2026-05-20")
            let deprived = try await licensing.recordCourtDecision(
                .with {
                    $0.number = number
                    $0.granted = true
                    $0.courtAct = "2-1234/2026"
                    $0.inForceOn = "2026-05-15"
                }
            ).license
            #expect(deprived.status == .deprived)
            #expect(!deprived.deprivationClaimPending)
            #expect(
                try await licensing.getLicenseStatusAt(
                    .with {
                        $0.number = number
                        $0.atMs = Self.at("2026-05-14", 23, 59)
                    }
                ).status == .active)
            #expect(
                try await licensing.getLicenseStatusAt(
                    .with {
                        $0.number = number
                        $0.atMs = Self.at("2026-05-15")
                    }
                ).status == .deprived)

            let barred = await #expect(throws: RPCError.self) {
                _ = try await licensing.issueLicense(Sample.issue(102, date: "2026-05-20"))
            }
            #expect(barred?.legalBasis == "140.2.8")
            #expect(barred?.retryOn == "2029-05-15")
            await ministry.close()
        }
    }

    @Test func aCourtAnnulsOnlyTheDecisionInForceAndTheHistoryAnswersBothSidesOfItsDate_143_8() async throws {
        let clock = SteppingClock("2026-03-20")
        try await withRegistry(clock: clock) { registry in
            let (ministry, licensing, number) = try await Self.issued(registry, 103)
            _ = try await licensing.suspendLicense(Self.suspension(number, until: "2026-06-19"))
            clock.set("2026-04-10")
            let refused = try await licensing.refuseReinstatement(
                .with {
                    $0.number = number
                    $0.reasons = "still acting outside his district"
                }
            ).license
            #expect(refused.status == .suspended)
            #expect(refused.history.last?.kind == .reinstatementRefused)

            clock.set("2026-04-20")
            let annul = { (entry: Int32) in
                WireRecordCourtAnnulmentRequest.with {
                    $0.number = number
                    $0.entry = entry
                    $0.courtAct = "SMAS Almaty 3a-77/2026"
                    $0.inForceOn = "2026-04-17"
                    $0.reasons = "the circumstances had ceased"
                }
            }
            let superseded = await #expect(throws: RPCError.self) { _ = try await licensing.recordCourtAnnulment(annul(1)) }
            #expect(superseded?.reason == "DECISION_SUPERSEDED")
            #expect(superseded?.legalBasis == "143.8")
            let annulled = try await licensing.recordCourtAnnulment(annul(2)).license
            #expect(annulled.status == .active)
            #expect(annulled.history.map(\.kind) == [.issued, .suspended, .reinstatementRefused, .annulled])
            #expect(annulled.history.last?.annulsEntry == 2)
            #expect(
                try await licensing.getLicenseStatusAt(
                    .with {
                        $0.number = number
                        $0.atMs = Self.at("2026-04-16", 23, 59)
                    }
                ).status == .suspended)
            #expect(
                try await licensing.getLicenseStatusAt(
                    .with {
                        $0.number = number
                        $0.atMs = Self.at("2026-04-17")
                    }
                ).status == .active)

            let history = try await licensing.getLicenseHistory(.with { $0.number = number })
            #expect(history.license.history.count == 4)
            let review = try #require(history.deadlines.first { $0.kind == .suspensionTermReview })
            #expect(review.closedBy == "entry 2 (reinstatementRefused)")
            await ministry.close()
        }
    }

    @Test func aSuspensionSetsWorkingDayDeadlinesAndOverdueOnesRaiseOneAlertEach_148_1_9_2_L4() async throws {
        // Friday 20 March 2026, the eve of Nauryz (23–25 March off).
        let clock = SteppingClock("2026-03-20", 16, 30)
        try await withRegistry(clock: clock) { registry in
            let (ministry, licensing, number) = try await Self.issued(registry, 104)
            // He holds a proceeding, so there is a job and the chamber has transfer measures to take.
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with { $0.proceedings = [TransferTests.record("D-104", holder: number)] })
            _ = try await licensing.suspendLicense(Self.suspension(number, until: "2026-06-19"))
            let deadlines = try await licensing.listDeadlines(.with { $0.licenseNumber = number }).deadlines
            #expect(deadlines.map(\.dueOn) == ["2026-03-30", "2026-03-30", "2026-06-19"])
            #expect(Set(deadlines.map(\.legalBasis)) == ["148.1.9-2", "162.1.2-3", "143.3"])

            let outbox = try await registry.store.read {
                try String.fetchAll($0.db, sql: "SELECT event_type FROM outbox WHERE subject = ? ORDER BY seq", arguments: [number])
            }
            #expect(
                outbox == [
                    "license.issued", "license.suspended", "notification", "notification", "notification", "action.account_freeze",
                    "transfer.created",
                ])

            clock.set("2026-03-30")
            #expect(try await registry.core.raiseDeadlineAlerts().isEmpty)
            clock.set("2026-03-31")
            #expect(try await registry.core.raiseDeadlineAlerts().map(\.deadline.kind) == [.bailiffHandover, .chamberTransferMeasures])
            #expect(try await registry.core.raiseDeadlineAlerts().isEmpty)
            clock.set("2026-06-20")
            #expect(try await registry.core.raiseDeadlineAlerts().map(\.deadline.kind) == [.suspensionTermReview])
            let overdue = try await licensing.listDeadlines(.with { $0.overdueOn = "2026-06-20" }).deadlines
            #expect(overdue.count == 3)
            #expect(overdue.allSatisfy { $0.alertedAtMs != 0 })
            // The license did not lapse: the Ministry still has to decide (§9.1-3).
            #expect(try await licensing.getLicense(.with { $0.number = number }).license.status == .suspended)

            clock.set("2026-06-22")
            _ = try await licensing.reinstateLicense(
                .with {
                    $0.number = number
                    $0.reasons = "returned to his district"
                })
            let open = try await licensing.listDeadlines(.with { $0.overdueOn = "2026-06-22" }).deadlines
            #expect(!open.contains { $0.kind == .suspensionTermReview })
            await ministry.close()
        }
    }

    @Test func mayPractiseNeedsEveryRecordTheLawRequiresAndFollowsTheLicenseToTheMinute_5_4_140_1_146_1_168_1_4() async throws {
        let clock = SteppingClock("2026-03-20", 14, 5)
        try await withRegistry(clock: clock) { registry in
            let (ministry, licensing, number) = try await Self.issued(registry, 105)
            let bare = try await licensing.mayPractise(.with { $0.bailiffIin = Sample.iin(105) })
            #expect(bare.licenseNumber == number)
            #expect(
                bare.conditions.map(\.condition) == [
                    "licenseActive", "chamberMembership", "insurance", "accountingRegistration", "noLongAbsence", "noOtherPaidActivity",
                ])
            // Missing data is not compliance: with no membership, contract or registration on record he may not.
            #expect(!bare.mayPractise)
            let missing = bare.conditions.filter { $0.outcome == .notRecorded }
            #expect(missing.map(\.legalBasis) == ["140.1", "146.1", "168.1.4"])
            #expect(missing.first?.detail == "no membership of the Republican Chamber on record: he may not practise until it is recorded")
            // An absence and other paid activity are bars: none on record means none (148.1.9-2, 149).
            #expect(
                bare.conditions.filter { $0.outcome == .met }.map(\.condition) == ["licenseActive", "noLongAbsence", "noOtherPaidActivity"])

            try await Sample.makePractising([(number, "almaty-city", "2026-03-03")], ministry: ministry)
            let before = try await licensing.mayPractise(.with { $0.bailiffIin = Sample.iin(105) })
            #expect(before.mayPractise)

            _ = try await licensing.suspendLicense(Self.suspension(number, until: "2026-06-19"))
            let after = try await licensing.mayPractise(.with { $0.licenseNumber = number })
            #expect(!after.mayPractise)
            #expect(after.conditions.first?.legalBasis == "143.4")
            #expect(
                try await licensing.mayPractise(
                    .with {
                        $0.licenseNumber = number
                        $0.atMs = Self.at("2026-03-20", 14, 4)
                    }
                ).mayPractise)
            let neither = await #expect(throws: RPCError.self) { _ = try await licensing.mayPractise(WireMayPractiseRequest()) }
            #expect(neither?.code == .invalidArgument)
            await ministry.close()
        }
    }

    @Test func thePublicRegisterListsHolderNumberDatesAndStatusButNoIIN_167_11_3() async throws {
        let clock = SteppingClock("2026-03-20")
        try await withRegistry(clock: clock) { registry in
            let (ministry, licensing, first) = try await Self.issued(registry, 106)
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(107, surname: "Серікова"))
            _ = try await licensing.issueLicense(Sample.issue(107))
            _ = try await licensing.suspendLicense(Self.suspension(first, until: "2026-06-19"))

            let bailiff = try await registry.connect(role: "bailiff")
            let register = LicensingStub(connection: bailiff)
            let all = try await register.publicRegister(WirePublicRegisterRequest())
            #expect(all.entries.count == 2)
            let suspended = try await register.publicRegister(.with { $0.status = .suspended })
            #expect(suspended.entries.map(\.licenseNumber) == [first])
            #expect(suspended.entries.first?.statusSince == "2026-03-20")
            let bytes = try all.serializedData()
            for serial in [106, 107] { #expect(bytes.range(of: Data(Sample.iin(serial).utf8)) == nil) }
            await bailiff.close()
            await ministry.close()
        }
    }

    @Test func onlyTheMinistryDecidesOnALicense_143_144_167() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-20")) { registry in
            let (ministry, _, number) = try await Self.issued(registry, 108)
            for role in [
                "territorialBody", "republicanChamber", "regionalChamber", "prosecutor", "bailiff", "auditor", "system",
                "attestationCommission",
            ] {
                let connection = try await registry.connect(role: role)
                let stub = LicensingStub(connection: connection)
                let terminate = await #expect(throws: RPCError.self) {
                    _ = try await stub.terminateLicense(
                        .with {
                            $0.number = number
                            $0.ground = "t144_1_4"
                            $0.reasons = "death"
                        })
                }
                #expect(terminate?.code == .permissionDenied, "\(role)")
                #expect(terminate?.legalBasis == "144.1")
                let court = await #expect(throws: RPCError.self) {
                    _ = try await stub.recordCourtAnnulment(
                        .with {
                            $0.number = number
                            $0.entry = 1
                            $0.courtAct = "x"
                            $0.inForceOn = "2026-03-20"
                            $0.reasons = "x"
                        })
                }
                #expect(court?.code == .permissionDenied, "\(role)")
                await connection.close()
            }
            await ministry.close()
        }
    }
}
