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
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry, records: [.insurance, .registration])
            _ = try await ProceedingsStub(connection: ministry).importProceedings(.with { $0.proceedings = [TransferTests.record("X-1", holder: almaty[0])] })
            let chamberConnection = try await registry.connect(role: "republicanChamber")
            let chamber = ChamberStub(connection: chamberConnection)
            let admitted = try await chamber.admitMember(.with { $0.licenseNumber = almaty[0]; $0.district = "almaty-city"; $0.admittedOn = "2026-03-05"; $0.decision = "RC 12" }).membership
            #expect(admitted.status == "active")
            // The colleague who will receive his cases is a member too: without it he could not (140.1).
            _ = try await chamber.admitMember(.with { $0.licenseNumber = almaty[1]; $0.district = "almaty-city"; $0.admittedOn = "2026-03-05"; $0.decision = "RC 14" })
            let twice = await #expect(throws: RPCError.self) { _ = try await chamber.admitMember(.with { $0.licenseNumber = almaty[0]; $0.district = "almaty-city"; $0.decision = "RC 13" }) }
            #expect(twice?.reason == "ALREADY_A_MEMBER")
            #expect(twice?.legalBasis == "140.1")
            let licensing = LicensingStub(connection: ministry)
            let member = try await licensing.mayPractise(.with { $0.licenseNumber = almaty[0] })
            #expect(member.conditions.first { $0.condition == "chamberMembership" }?.outcome == .met)

            let notEnded = await #expect(throws: RPCError.self) {
                _ = try await chamber.expelMember(.with { $0.licenseNumber = almaty[0]; $0.ground = "licenseEnded"; $0.decision = "Board 3" })
            }
            #expect(notEnded?.legalBasis == "172-1(1)")
            // 170.1.4: the Board carries out an expulsion the disciplinary commission imposed, not one of its own.
            let noPenalty = await #expect(throws: RPCError.self) {
                _ = try await chamber.expelMember(.with { $0.licenseNumber = almaty[0]; $0.ground = "disciplinaryPenalty"; $0.decision = "Board 4" })
            }
            #expect(noPenalty?.reason == "NO_EXPULSION_PENALTY_ON_RECORD")
            #expect(noPenalty?.legalBasis == "170.1.4")
            let discipline = DisciplineStub(connection: chamberConnection)
            let opened = try await discipline.openDisciplinaryProceeding(.with { $0.licenseNumber = almaty[0]; $0.source = "complaint 9" }).proceeding
            _ = try await discipline.closeDisciplinaryProceeding(.with { $0.id = opened.id; $0.outcome = "gross breach"; $0.penalty = "expulsion" })
            let expelled = try await chamber.expelMember(.with { $0.licenseNumber = almaty[0]; $0.ground = "disciplinaryPenalty"; $0.decision = "Board 4" }).membership
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
            #expect(try await ProceedingsStub(connection: ministry).getProceeding(.with { $0.number = "X-1" }).proceeding.holder == "bailiff:\(almaty[1])")
            let freezes = try registry.store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM outbox WHERE event_type = 'action.account_freeze'") }
            #expect(freezes == 1) // 123.4 names expulsion
            await chamberConnection.close()
            await ministry.close()
        }
    }

    @Test func insuranceBelowTheMinimumOrOutOfCoverBarsPracticeAndReceivingCases_146() async throws {
        let clock = SteppingClock("2026-04-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 3, ministry: ministry, records: [.membership, .registration])
            let chamberConnection = try await registry.connect(role: "regionalChamber")
            let chamber = ChamberStub(connection: chamberConnection)
            // Almaty is a city of republican significance: 1,000 MCI of 2026 = 4,325,000 tenge.
            let small = try await chamber.recordInsuranceContract(.with {
                $0.licenseNumber = almaty[1]; $0.insurer = "Nomad Insurance"; $0.contractNumber = "PL-1"; $0.concludedOn = "2026-01-10"
                $0.validFrom = "2026-01-10"; $0.validTo = "2026-12-31"; $0.sumInsured = "2162500"
            }).contract
            #expect(!small.sufficient)
            #expect(small.minimum == "4325000.00")
            let good = try await chamber.recordInsuranceContract(.with {
                $0.licenseNumber = almaty[2]; $0.insurer = "Nomad Insurance"; $0.contractNumber = "PL-2"; $0.concludedOn = "2026-01-10"
                $0.validFrom = "2026-01-10"; $0.validTo = "2026-06-30"; $0.sumInsured = "4325000"
            }).contract
            #expect(good.sufficient)
            let licensing = LicensingStub(connection: ministry)
            #expect(try await licensing.mayPractise(.with { $0.licenseNumber = almaty[1] }).mayPractise == false)
            #expect(try await licensing.mayPractise(.with { $0.licenseNumber = almaty[2] }).mayPractise)

            // The under-insured bailiff receives nothing; the insured one everything.
            _ = try await ProceedingsStub(connection: ministry).importProceedings(.with { $0.proceedings = ["Y-1", "Y-2"].map { TransferTests.record($0, holder: almaty[0]) } })
            _ = try await licensing.suspendLicense(LicenseLifecycleTests.suspension(almaty[0], until: "2026-06-30"))
            _ = try await registry.core.runTransferBatch()
            let holders = try registry.store.read { try $0.proceedings(matching: ProceedingFilter(), after: nil, limit: 10).map(\.holder) }
            #expect(holders == [.bailiff(license: almaty[2]), .bailiff(license: almaty[2])])

            clock.set("2026-07-01")
            let lapsed = try await licensing.mayPractise(.with { $0.licenseNumber = almaty[2] })
            #expect(lapsed.conditions.first { $0.condition == "insurance" }?.detail == "no insurance contract covers 2026-07-01")
            await chamberConnection.close()
            await ministry.close()
        }
    }
}

@Suite("End to end: monitors draft proposals once, for the right body", .serialized)
struct MonitorDraftTests {
    @Test func anOverdueTrainingBecomesOneDraftThatTheChamberSubmitsToTheMinistry() async throws {
        let clock = SteppingClock("2026-03-05")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry, records: [.insurance, .registration])
            let chamberConnection = try await registry.connect(role: "republicanChamber")
            let chamber = ChamberStub(connection: chamberConnection)
            _ = try await chamber.admitMember(.with { $0.licenseNumber = almaty[0]; $0.district = "almaty-city"; $0.admittedOn = "2026-03-05"; $0.decision = "RC 1" })
            #expect(try await chamber.listTrainings(.with { $0.licenseNumber = almaty[0] }).dueBy == "2026-09-05")

            let proposals = ProposalsStub(connection: ministry)
            clock.set("2026-09-05")
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.isEmpty)
            clock.set("2026-09-06")
            let drafts = try await proposals.runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground) == ["s143_2_5"])
            #expect(drafts.first?.state == .draft)
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.isEmpty) // once, not every run

            // The regional chamber may not submit the Republican Chamber's draft; the Republican Chamber sees and submits it.
            let regional = ProposalsStub(connection: try await registry.connect(role: "regionalChamber"))
            let notTheirs = await #expect(throws: RPCError.self) { _ = try await regional.submitDraftProposal(.with { $0.id = drafts[0].id }) }
            #expect(notTheirs?.reason == "NOT_THE_AUTHOR")
            let waiting = try await ProposalsStub(connection: chamberConnection).listProposals(.with { $0.state = .draft })
            #expect(waiting.proposals.map(\.id) == [drafts[0].id])
            let submitted = try await ProposalsStub(connection: chamberConnection).submitDraftProposal(.with { $0.id = drafts[0].id }).proposal
            #expect(submitted.state == .pending)
            #expect(submitted.authorIdentity == "spiffe://registry.bailiff.kz/role/republicanChamber")

            // The Ministry suspends on it; a training recorded afterwards sets the next due date three years on.
            var suspend = LicenseDecisionTests.suspension(almaty[0])
            suspend.ground = "s143_2_5"
            suspend.termEnd = "2026-12-01"
            suspend.clearProposal()
            suspend.proposalID = submitted.id
            _ = try await LicensingStub(connection: ministry).suspendLicense(suspend)
            _ = try await chamber.recordTraining(.with { $0.licenseNumber = almaty[0]; $0.completedOn = "2026-09-06"; $0.programme = "Enforcement law 2026"; $0.certificate = "TR-77" })
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
            let (almaty, astana) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry, records: [.insurance, .registration])
            let chamber = ChamberStub(connection: try await registry.connect(role: "republicanChamber"))
            _ = try await chamber.admitMember(.with { $0.licenseNumber = almaty[0]; $0.district = "almaty-city"; $0.admittedOn = "2026-03-05"; $0.decision = "RC 1" })
            let territorialConnection = try await registry.connect(role: "territorialBody")
            let inspections = InspectionsStub(connection: territorialConnection)

            let early = await #expect(throws: RPCError.self) {
                _ = try await inspections.scheduleInspection(.with { $0.licenseNumber = almaty[0]; $0.kind = "plannedFirst"; $0.scheduledOn = "2026-09-04" })
            }
            #expect(early?.legalBasis == "169.4")
            let otherRegion = await #expect(throws: RPCError.self) {
                _ = try await inspections.scheduleInspection(.with { $0.licenseNumber = astana; $0.kind = "unscheduled"; $0.scheduledOn = "2026-09-10"; $0.trigger = "complaint" })
            }
            #expect(otherRegion?.reason == "OTHER_REGION")
            let plan = try await inspections.inspectionSchedule(WireInspectionScheduleRequest()).inspections
            #expect(plan.map(\.licenseNumber) == [almaty[0]]) // the Astana bailiff is not this body's, nor a member
            #expect(plan.first?.earliest == "2026-09-05")
            #expect(plan.first?.latest == "2027-03-05")
            #expect(try await inspections.inspectionSchedule(.with { $0.asOf = "2027-03-06"; $0.overdueOnly = true }).inspections.count == 1)
            let inspection = try await inspections.scheduleInspection(.with { $0.licenseNumber = almaty[0]; $0.kind = "plannedFirst"; $0.scheduledOn = "2026-09-07" }).inspection
            let short = await #expect(throws: RPCError.self) {
                _ = try await inspections.requestDocuments(.with { $0.inspectionID = inspection.id; $0.sentOn = "2026-09-01"; $0.dueOn = "2026-09-07"; $0.subject = "settlements" })
            }
            #expect(short?.legalBasis == "169.5")
            _ = try await inspections.requestDocuments(.with { $0.inspectionID = inspection.id; $0.sentOn = "2026-09-01"; $0.dueOn = "2026-09-08"; $0.subject = "settlements" })

            clock.set("2026-09-10")
            _ = try await inspections.completeInspection(.with {
                $0.id = inspection.id; $0.findings = "two unlawful seizures"
                $0.violations = [.with { $0.committedOn = "2026-04-02"; $0.description_p = "seizure without a ruling" },
                                 .with { $0.committedOn = "2026-08-20"; $0.description_p = "seizure of exempt property" }]
            })
            let drafts = try await ProposalsStub(connection: ministry).runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground).contains("d144_2_1"))
            let draft = try #require(drafts.first { $0.ground == "d144_2_1" })
            #expect(draft.author == .territorialBody)
            let submitted = try await ProposalsStub(connection: territorialConnection).submitDraftProposal(.with { $0.id = draft.id }).proposal
            #expect(submitted.state == .pending)
            await territorialConnection.close()
            await ministry.close()
        }
    }
}

@Suite("End to end: penalties and dues", .serialized)
struct PenaltyAndDuesE2ETests {
    @Test func aPenaltyShowsWhetherItStillCountsAndUnpaidDuesBecomeADraft() async throws {
        let clock = SteppingClock("2026-04-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry, records: [.insurance, .registration])
            let chamberConnection = try await registry.connect(role: "republicanChamber")
            let chamber = ChamberStub(connection: chamberConnection)
            _ = try await chamber.admitMember(.with { $0.licenseNumber = almaty[0]; $0.district = "almaty-city"; $0.admittedOn = "2026-03-05"; $0.decision = "RC 1" })

            let discipline = DisciplineStub(connection: chamberConnection)
            let opened = try await discipline.openDisciplinaryProceeding(.with { $0.licenseNumber = almaty[0]; $0.source = "complaint 5" }).proceeding
            let badPenalty = await #expect(throws: RPCError.self) {
                _ = try await discipline.closeDisciplinaryProceeding(.with { $0.id = opened.id; $0.outcome = "x"; $0.penalty = "fine" })
            }
            #expect(badPenalty?.legalBasis == "170.1")
            _ = try await discipline.closeDisciplinaryProceeding(.with { $0.id = opened.id; $0.outcome = "breach of the Ethics Code"; $0.penalty = "reprimand" })
            #expect(try await discipline.listDisciplinaryProceedings(.with { $0.licenseNumber = almaty[0] }).proceedings.first?.penaltyInForce == true)
            clock.set("2026-10-01")
            let later = try await discipline.listDisciplinaryProceedings(.with { $0.licenseNumber = almaty[0] }).proceedings.first
            #expect(later?.penaltyInForce == false)
            #expect(later?.penaltyLegalBasis == "170.1.2")
            clock.set("2026-04-02")
            let regional = DisciplineStub(connection: try await registry.connect(role: "regionalChamber"))
            #expect(await #expect(throws: RPCError.self) { _ = try await regional.appealPenalty(.with { $0.id = opened.id; $0.annulled = true; $0.decision = "x" }) }?.code == .permissionDenied)
            let appealed = try await discipline.appealPenalty(.with { $0.id = opened.id; $0.annulled = true; $0.decision = "Presidium 7" }).proceeding
            #expect(appealed.appealOutcome == "annulled")
            #expect(try await discipline.listDisciplinaryProceedings(.with { $0.licenseNumber = almaty[0] }).proceedings.first?.penaltyInForce == false)
            clock.set("2026-10-01")

            _ = try await chamber.recordDuesPayment(.with { $0.licenseNumber = almaty[0]; $0.quarter = "2026Q1"; $0.reference = "pay 1" })
            _ = try await chamber.recordTraining(.with { $0.licenseNumber = almaty[0]; $0.completedOn = "2026-06-01"; $0.programme = "p"; $0.certificate = "TR-1" })
            let statement = try await chamber.listDues(.with { $0.licenseNumber = almaty[0] })
            #expect(statement.arrears == ["2026Q2", "2026Q3"])
            let drafts = try await ProposalsStub(connection: ministry).runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground) == ["s143_2_6"])
            // Child-care leave from 1 April exempts Q2 and Q3: no systematic arrears left to expel for (172-1(3)).
            _ = try await chamber.recordDuesExemption(.with { $0.licenseNumber = almaty[0]; $0.reason = "childCare"; $0.from = "2026-04-01"; $0.to = "2029-03-31"; $0.reference = "birth certificate" })
            let exempt = await #expect(throws: RPCError.self) {
                _ = try await chamber.expelMember(.with { $0.licenseNumber = almaty[0]; $0.ground = "duesArrears"; $0.decision = "Board 9" })
            }
            #expect(exempt?.reason == "NO_SYSTEMATIC_ARREARS")
            #expect(exempt?.legalBasis == "172-1(3)")
            let shortIllness = await #expect(throws: RPCError.self) {
                _ = try await chamber.recordDuesExemption(.with { $0.licenseNumber = almaty[0]; $0.reason = "incapacity"; $0.from = "2026-04-01"; $0.to = "2026-04-20"; $0.reference = "sick note" })
            }
            #expect(shortIllness?.legalBasis == "172-1(3)")
            await chamberConnection.close()
            await ministry.close()
        }
    }
}

@Suite("End to end: complaints", .serialized)
struct ComplaintTests {
    @Test func aComplaintIsRoutedToTheDistrictsChamberAndBodyAndClosedWithWhatItLedTo_162_1_2_2() async throws {
        try await withRegistry(clock: SteppingClock("2026-05-04")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            let territorial = InspectionsStub(connection: try await registry.connect(role: "territorialBody"))
            let complaint = try await territorial.recordComplaint(.with {
                $0.licenseNumber = almaty[0]; $0.complainant = "Иванова И."; $0.summary = "no answer to an application for 2 months"
            }).complaint
            #expect(complaint.district == "almaty-city")
            let routed = try registry.store.read {
                try String.fetchAll($0.db, sql: "SELECT payload FROM outbox WHERE event_type = 'notification' AND payload LIKE '%complaint%' ORDER BY seq")
            }
            #expect(routed.count == 2)
            #expect(routed.first?.contains("regionalChamber:almaty-city") == true)

            let inspection = try await territorial.scheduleInspection(.with {
                $0.licenseNumber = almaty[0]; $0.kind = "unscheduled"; $0.scheduledOn = "2026-05-06"; $0.trigger = "complaint \(complaint.id)"
            }).inspection
            let wrongInspection = await #expect(throws: RPCError.self) {
                _ = try await InspectionsStub(connection: ministry).closeComplaint(.with { $0.id = complaint.id; $0.outcome = "x"; $0.inspectionID = 999 })
            }
            #expect(wrongInspection?.code == .invalidArgument)
            let closed = try await territorial.closeComplaint(.with { $0.id = complaint.id; $0.outcome = "unscheduled inspection opened"; $0.inspectionID = inspection.id }).complaint
            #expect(closed.status == "closed")
            #expect(closed.inspectionID == inspection.id)
            await ministry.close()
        }
    }
}

@Suite("End to end: the quarterly report, Art. 163-1.3", .serialized)
struct QuarterlyReportTests {
    @Test func theQuarterlyReportCountsStatusesAtTheQuarterEndAndEventsWithinIt() async throws {
        let clock = SteppingClock("2026-08-10")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 3, ministry: ministry)
            let licensing = LicensingStub(connection: ministry)
            _ = try await licensing.suspendLicense(LicenseLifecycleTests.suspension(almaty[0], until: "2026-11-10"))
            _ = try await licensing.terminateLicense(.with { $0.number = almaty[1]; $0.ground = "t144_1_4"; $0.reasons = "death on 2026-08-08" })
            _ = try await InspectionsStub(connection: try await registry.connect(role: "territorialBody")).recordComplaint(.with {
                $0.licenseNumber = almaty[2]; $0.complainant = "A"; $0.summary = "late"
            })
            clock.set("2026-10-05")
            let files = try registry.credentialFiles(role: "republicanChamber")
            let result = try await ExecutableTests.run("registry-admin", ["reports", "quarterly", "--quarter", "2026Q3", "--server", "127.0.0.1:\(registry.port)",
                                                                     "--cert", files.cert, "--key", files.key, "--ca", files.ca])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "district,active,suspended,ended,inspections_completed,violations_established,disciplinary_opened,penalties_imposed,complaints_received,proceedings_transferred")
            #expect(lines.contains("almaty-city,1,1,1,0,0,0,0,1,0"), "\(lines)")
            #expect(lines.contains("astana,1,0,0,0,0,0,0,0,0"))
            #expect(lines.count == 21)
            let early = await #expect(throws: RPCError.self) { _ = try await InspectionsStub(connection: ministry).quarterlyReport(.with { $0.quarter = "2026Q4x" }) }
            #expect(early?.code == .invalidArgument)
            await ministry.close()
        }
    }
}

@Suite("End to end: the MCI table as updatable data", .serialized)
struct MCITableTests {
    @Test func aNewYearsMCIUnblocksTheThousandMCILimitOf138_1_4() async throws {
        try await withRegistry(clock: SteppingClock("2027-02-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            var forState = TransferTests.record("S-1", holder: almaty[0])
            forState.inFavourOfState = true
            forState.openedOn = "2027-01-20"
            let before = try await ProceedingsStub(connection: ministry).importProceedings(.with { $0.proceedings = [forState] })
            #expect(before.refused.first?.problems.first?.legalBasis == "138.1(4)")
            #expect(before.refused.first?.problems.first?.message.contains("the MCI of 2027 is unknown") == true)

            let registryStub = RegistryStub(connection: ministry)
            #expect(try await registryStub.getMCITable(WireGetMCITableRequest()).years.last?.year == 2026)
            let chamber = try await registry.connect(role: "regionalChamber")
            let denied = await #expect(throws: RPCError.self) { _ = try await RegistryStub(connection: chamber).setMCI(.with { $0.year = 2027; $0.tenge = 4_500; $0.source = "x" }) }
            #expect(denied?.code == .permissionDenied)
            let table = try await registryStub.setMCI(.with { $0.year = 2027; $0.tenge = 4_500; $0.source = "Law on the republican budget 2027–2029" })
            #expect(table.years.last?.year == 2027)
            #expect(table.years.last?.tenge == 4_500)
            let after = try await ProceedingsStub(connection: ministry).importProceedings(.with { $0.proceedings = [forState] })
            #expect(after.accepted == ["S-1"])
            await chamber.close()
            await ministry.close()
        }
    }
}

@Suite("End to end: legal-aid reports, Art. 103-1.4–5", .serialized)
struct LegalAidTests {
    @Test func monthlyReportsAreDueByTheFifthAndTheHalfYearIsConsolidatedPerDistrict() async throws {
        let clock = SteppingClock("2026-05-05")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            #expect(almaty[0] == "2026-000001")
            let bailiff = ChamberStub(connection: try await registry.connect(role: "bailiff"))
            let onTime = try await bailiff.recordLegalAidReport(.with { $0.licenseNumber = almaty[0]; $0.month = "2026-04"; $0.consultations = 12 })
            #expect(!onTime.late)
            let notHis = await #expect(throws: RPCError.self) { _ = try await bailiff.recordLegalAidReport(.with { $0.licenseNumber = almaty[1]; $0.month = "2026-04"; $0.consultations = 1 }) }
            #expect(notHis?.legalBasis == "103-1.4")
            clock.set("2026-05-06")
            let chamber = ChamberStub(connection: try await registry.connect(role: "regionalChamber"))
            let late = try await chamber.recordLegalAidReport(.with { $0.licenseNumber = almaty[1]; $0.month = "2026-04"; $0.consultations = 3 })
            #expect(late.late)
            #expect(late.dueOn == "2026-05-05")
            let summary = try await chamber.legalAidSummary(.with { $0.half = "2026H1" })
            #expect(summary.dueOn == "2026-07-20")
            #expect(summary.lines.map(\.district) == ["almaty-city"]) // a regional chamber sees its region
            #expect(summary.lines.first.map { [$0.bailiffsReporting, $0.reports, $0.lateReports, $0.consultations] } == [2, 2, 1, 15])
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
            let measured = try await system.recordEnforcementMeasure(.with { $0.number = "AL-1"; $0.on = "2026-03-20" }).proceeding
            #expect(measured.record.lastMeasureOn == "2026-03-20")

            let proposals = ProposalsStub(connection: ministry)
            clock.set("2026-04-20")
            #expect(try await proposals.runMonitors(WireRunMonitorsRequest()).drafts.isEmpty) // 20.03 + 1 month is 20.04: not yet over
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
