import Enforcement
import Foundation
import GRDB
import RegistryClient
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf
import Testing

/// Monitors that turn recorded facts into draft proposals, once per finding, for the right body.
@Suite("End to end: monitors draft proposals once, for the right body", .serialized)
struct MonitorDraftTests {
    @Test func anOverdueTrainingBecomesOneDraftThatTheChamberSubmitsToTheMinistry() async throws {
        let clock = SteppingClock("2026-03-05")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(
                registry, almaty: 1, ministry: ministry, records: [.insurance, .registration])
            let chamberConnection = try await registry.connect(role: "republicanChamber")
            let chamber = ChamberStub(connection: chamberConnection)
            _ = try await chamber.admitMember(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.district = "almaty-city"
                    $0.admittedOn = "2026-03-05"
                    $0.decision = "RC 1"
                })
            #expect(try await chamber.listTrainings(.with { $0.licenseNumber = almaty[0] }).dueBy == "2026-09-05")

            let proposals = ProposalsStub(connection: ministry)
            clock.set("2026-09-05")
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.isEmpty)
            clock.set("2026-09-06")
            let drafts = try await proposals.runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground) == ["s143_2_5"])
            #expect(drafts.first?.state == .draft)
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.isEmpty)  // once, not every run

            // The regional chamber may not submit the Republican Chamber's draft; the Republican Chamber sees and submits it.
            let regional = ProposalsStub(connection: try await registry.connect(role: "regionalChamber"))
            let notTheirs = await #expect(throws: RPCError.self) {
                _ = try await regional.submitDraftProposal(.with { $0.id = drafts[0].id })
            }
            #expect(notTheirs?.reason == "NOT_THE_AUTHOR")
            let waiting = try await ProposalsStub(connection: chamberConnection).listProposals(.with { $0.state = .draft })
            #expect(waiting.proposals.map(\.id) == [drafts[0].id])
            let submitted = try await ProposalsStub(connection: chamberConnection).submitDraftProposal(.with { $0.id = drafts[0].id })
                .proposal
            #expect(submitted.state == .pending)
            #expect(submitted.authorIdentity == "spiffe://registry.bailiff.kz/role/republicanChamber")

            // The Ministry suspends on it; a training recorded afterwards sets the next due date three years on.
            var suspend = LicenseDecisionTests.suspension(almaty[0])
            suspend.ground = "s143_2_5"
            suspend.termEnd = "2026-12-01"
            suspend.clearProposal()
            suspend.proposalID = submitted.id
            _ = try await LicensingStub(connection: ministry).suspendLicense(suspend)
            _ = try await chamber.recordTraining(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.completedOn = "2026-09-06"
                    $0.programme = "Enforcement law 2026"
                    $0.certificate = "TR-77"
                })
            #expect(try await chamber.listTrainings(.with { $0.licenseNumber = almaty[0] }).dueBy == "2029-09-06")
            await chamberConnection.close()
            await ministry.close()
        }
    }
}

@Suite("End to end: inspections and the 144.2.1 monitor", .serialized)
struct InspectionTests {
    @Test func twoViolationsFoundWithinSixMonthsBecomeADeprivationDraftForTheTerritorialBody() async throws {
        let clock = SteppingClock("2026-09-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, astana) = try await TransferTests.bailiffs(
                registry, almaty: 1, ministry: ministry, records: [.insurance, .registration])
            let chamber = ChamberStub(connection: try await registry.connect(role: "republicanChamber"))
            _ = try await chamber.admitMember(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.district = "almaty-city"
                    $0.admittedOn = "2026-03-05"
                    $0.decision = "RC 1"
                })
            let territorialConnection = try await registry.connect(role: "territorialBody")
            let inspections = InspectionsStub(connection: territorialConnection)

            let early = await #expect(throws: RPCError.self) {
                _ = try await inspections.scheduleInspection(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.kind = "plannedFirst"
                        $0.scheduledOn = "2026-09-04"
                    })
            }
            #expect(early?.legalBasis == "169.4")
            let otherRegion = await #expect(throws: RPCError.self) {
                _ = try await inspections.scheduleInspection(
                    .with {
                        $0.licenseNumber = astana
                        $0.kind = "unscheduled"
                        $0.scheduledOn = "2026-09-10"
                        $0.trigger = "complaint"
                    })
            }
            #expect(otherRegion?.reason == "OTHER_REGION")
            let plan = try await inspections.inspectionSchedule(WireInspectionScheduleRequest()).inspections
            #expect(plan.map(\.licenseNumber) == [almaty[0]])  // the Astana bailiff is not this body's, nor a member
            #expect(plan.first?.earliest == "2026-09-05")
            #expect(plan.first?.latest == "2027-03-05")
            #expect(
                try await inspections.inspectionSchedule(
                    .with {
                        $0.asOf = "2027-03-06"
                        $0.overdueOnly = true
                    }
                ).inspections.count == 1)
            let inspection = try await inspections.scheduleInspection(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.kind = "plannedFirst"
                    $0.scheduledOn = "2026-09-07"
                }
            ).inspection
            let short = await #expect(throws: RPCError.self) {
                _ = try await inspections.requestDocuments(
                    .with {
                        $0.inspectionID = inspection.id
                        $0.sentOn = "2026-09-01"
                        $0.dueOn = "2026-09-07"
                        $0.subject = "settlements"
                    })
            }
            #expect(short?.legalBasis == "169.5")
            _ = try await inspections.requestDocuments(
                .with {
                    $0.inspectionID = inspection.id
                    $0.sentOn = "2026-09-01"
                    $0.dueOn = "2026-09-08"
                    $0.subject = "settlements"
                })

            clock.set("2026-09-10")
            _ = try await inspections.completeInspection(
                .with {
                    $0.id = inspection.id
                    $0.findings = "two unlawful seizures"
                    $0.violations = [
                        .with {
                            $0.committedOn = "2026-04-02"
                            $0.description_p = "seizure without a ruling"
                        },
                        .with {
                            $0.committedOn = "2026-08-20"
                            $0.description_p = "seizure of exempt property"
                        },
                    ]
                })
            let drafts = try await ProposalsStub(connection: ministry).runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground).contains("d144_2_1"))
            let draft = try #require(drafts.first { $0.ground == "d144_2_1" })
            #expect(draft.author == .territorialBody)
            let submitted = try await ProposalsStub(connection: territorialConnection).submitDraftProposal(.with { $0.id = draft.id })
                .proposal
            #expect(submitted.state == .pending)
            await territorialConnection.close()
            await ministry.close()
        }
    }
}

@Suite("End to end: the 144.2.4 inaction monitor", .serialized)
struct InactionMonitorTests {
    @Test func aSociallySignificantProceedingWithoutAMeasureForAMonthBecomesADraftOnce() async throws {
        let clock = SteppingClock("2026-04-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            var alimony = TransferTests.record("AL-1", holder: almaty[0], category: "sociallySignificant")
            alimony.openedOn = "2026-03-10"
            var other = TransferTests.record("OT-1", holder: almaty[0])
            other.openedOn = "2026-03-10"
            other.lastMeasureOn = "2026-03-12"
            _ = try await ProceedingsStub(connection: ministry).importProceedings(.with { $0.proceedings = [alimony, other] })
            let system = ProceedingsStub(connection: try await registry.connect(role: "system"))
            let measured = try await system.recordEnforcementMeasure(
                .with {
                    $0.number = "AL-1"
                    $0.on = "2026-03-20"
                }
            ).proceeding
            #expect(measured.record.lastMeasureOn == "2026-03-20")

            let proposals = ProposalsStub(connection: ministry)
            clock.set("2026-04-20")
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.isEmpty)  // 20.03 + 1 month is 20.04: not yet over
            clock.set("2026-04-21")
            let drafts = try await proposals.runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground) == ["d144_2_4"])
            #expect(drafts.first?.author == .territorialBody)
            #expect(drafts.first?.facts.contains("AL-1 since 2026-03-20") == true)
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.isEmpty)
            await ministry.close()
        }
    }
}

@Suite("End to end: standing measures and the 144.2.4 month", .serialized)
struct StandingMeasureTests {
    @Test func aStandingDeductionKeepsTheProceedingInMeasuresUntilItIsLifted_144_2_4() async throws {
        let clock = SteppingClock("2026-03-12")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            var alimony = TransferTests.record("AL-2", holder: almaty[0], category: "sociallySignificant")
            alimony.openedOn = "2026-03-10"
            _ = try await ProceedingsStub(connection: ministry).importProceedings(.with { $0.proceedings = [alimony] })
            let system = ProceedingsStub(connection: try await registry.connect(role: "system"))
            let standing = try await system.recordEnforcementMeasure(
                .with {
                    $0.number = "AL-2"
                    $0.on = "2026-03-12"
                    $0.standing = true
                }
            ).proceeding
            #expect(standing.record.standingMeasureSince == "2026-03-12" && standing.record.firstMeasureOn == "2026-03-12")
            let proposals = ProposalsStub(connection: ministry)
            clock.set("2026-08-01")
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.isEmpty)
            let lifted = try await system.recordEnforcementMeasure(
                .with {
                    $0.number = "AL-2"
                    $0.on = "2026-08-01"
                    $0.liftsStanding = true
                }
            ).proceeding
            #expect(lifted.record.standingMeasureSince.isEmpty)
            let twice = await #expect(throws: RPCError.self) {
                _ = try await system.recordEnforcementMeasure(
                    .with {
                        $0.number = "AL-2"
                        $0.on = "2026-08-01"
                        $0.liftsStanding = true
                    })
            }
            #expect(twice?.reason == "NO_STANDING_MEASURE")
            clock.set("2026-09-02")
            let drafts = try await proposals.runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground) == ["d144_2_4"])
            #expect(drafts.first?.facts.contains("AL-2 since 2026-08-01") == true)
            await ministry.close()
        }
    }
}
