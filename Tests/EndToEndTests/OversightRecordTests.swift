import Enforcement
import Foundation
import GRDB
import RegistryClient
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf
import Testing

/// The oversight records kept through registryd: penalties and dues, complaints, the quarterly
/// report, the MCI table and legal-aid reports.
@Suite("End to end: penalties and dues", .serialized)
struct PenaltyAndDuesE2ETests {
    @Test func aPenaltyShowsWhetherItStillCountsAndUnpaidDuesBecomeADraft() async throws {
        let clock = SteppingClock("2026-04-01")
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

            let discipline = DisciplineStub(connection: chamberConnection)
            let opened = try await discipline.openDisciplinaryProceeding(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.source = "complaint 5"
                }
            ).proceeding
            let badPenalty = await #expect(throws: RPCError.self) {
                _ = try await discipline.closeDisciplinaryProceeding(
                    .with {
                        $0.id = opened.id
                        $0.outcome = "x"
                        $0.penalty = "fine"
                    })
            }
            #expect(badPenalty?.legalBasis == "170.1")
            _ = try await discipline.closeDisciplinaryProceeding(
                .with {
                    $0.id = opened.id
                    $0.outcome = "breach of the Ethics Code"
                    $0.penalty = "reprimand"
                })
            #expect(
                try await discipline.listDisciplinaryProceedings(.with { $0.licenseNumber = almaty[0] }).proceedings.first?.penaltyInForce
                    == true)
            clock.set("2026-10-01")
            let later = try await discipline.listDisciplinaryProceedings(.with { $0.licenseNumber = almaty[0] }).proceedings.first
            #expect(later?.penaltyInForce == false)
            #expect(later?.penaltyLegalBasis == "170.1.2")
            clock.set("2026-04-02")
            let regional = DisciplineStub(connection: try await registry.connect(role: "regionalChamber"))
            #expect(
                await #expect(throws: RPCError.self) {
                    _ = try await regional.appealPenalty(
                        .with {
                            $0.id = opened.id
                            $0.annulled = true
                            $0.decision = "x"
                        })
                }?.code == .permissionDenied)
            let appealed = try await discipline.appealPenalty(
                .with {
                    $0.id = opened.id
                    $0.annulled = true
                    $0.decision = "Presidium 7"
                }
            ).proceeding
            #expect(appealed.appealOutcome == "annulled")
            #expect(
                try await discipline.listDisciplinaryProceedings(.with { $0.licenseNumber = almaty[0] }).proceedings.first?.penaltyInForce
                    == false)
            clock.set("2026-10-01")

            _ = try await chamber.recordDuesPayment(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.quarter = "2026Q1"
                    $0.reference = "pay 1"
                })
            _ = try await chamber.recordTraining(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.completedOn = "2026-06-01"
                    $0.programme = "p"
                    $0.certificate = "TR-1"
                })
            let statement = try await chamber.listDues(.with { $0.licenseNumber = almaty[0] })
            #expect(statement.arrears == ["2026Q2", "2026Q3"])
            let drafts = try await ProposalsStub(connection: ministry).runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground) == ["s143_2_6"])
            // Child-care leave from 1 April exempts Q2 and Q3: no systematic arrears left to expel for (172-1(3)).
            _ = try await chamber.recordDuesExemption(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.reason = "childCare"
                    $0.from = "2026-04-01"
                    $0.to = "2029-03-31"
                    $0.reference = "birth certificate"
                })
            let exempt = await #expect(throws: RPCError.self) {
                _ = try await chamber.expelMember(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.ground = "duesArrears"
                        $0.decision = "Board 9"
                    })
            }
            #expect(exempt?.reason == "NO_SYSTEMATIC_ARREARS")
            #expect(exempt?.legalBasis == "172-1(3)")
            let shortIllness = await #expect(throws: RPCError.self) {
                _ = try await chamber.recordDuesExemption(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.reason = "incapacity"
                        $0.from = "2026-04-01"
                        $0.to = "2026-04-20"
                        $0.reference = "sick note"
                    })
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
            let complaint = try await territorial.recordComplaint(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.complainant = "Иванова И."
                    $0.summary = "no answer to an application for 2 months"
                }
            ).complaint
            #expect(complaint.district == "almaty-city")
            let routed = try await registry.store.read {
                try String.fetchAll(
                    $0.db, sql: "SELECT payload FROM outbox WHERE event_type = 'notification' AND payload LIKE '%complaint%' ORDER BY seq")
            }
            #expect(routed.count == 2)
            #expect(routed.first?.contains("regionalChamber:almaty-city") == true)

            let inspection = try await territorial.scheduleInspection(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.kind = "unscheduled"
                    $0.scheduledOn = "2026-05-06"
                    $0.trigger = "complaint \(complaint.id)"
                }
            ).inspection
            let wrongInspection = await #expect(throws: RPCError.self) {
                _ = try await InspectionsStub(connection: ministry).closeComplaint(
                    .with {
                        $0.id = complaint.id
                        $0.outcome = "x"
                        $0.inspectionID = 999
                    })
            }
            #expect(wrongInspection?.code == .invalidArgument)
            let closed = try await territorial.closeComplaint(
                .with {
                    $0.id = complaint.id
                    $0.outcome = "unscheduled inspection opened"
                    $0.inspectionID = inspection.id
                }
            ).complaint
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
            _ = try await licensing.terminateLicense(
                .with {
                    $0.number = almaty[1]
                    $0.ground = "t144_1_4"
                    $0.reasons = "death on 2026-08-08"
                })
            _ = try await InspectionsStub(connection: try await registry.connect(role: "territorialBody")).recordComplaint(
                .with {
                    $0.licenseNumber = almaty[2]
                    $0.complainant = "A"
                    $0.summary = "late"
                })
            clock.set("2026-10-05")
            let files = try registry.credentialFiles(role: "republicanChamber")
            let result = try await ExecutableTests.run(
                "registry-admin",
                [
                    "reports", "quarterly", "--quarter", "2026Q3", "--server", "127.0.0.1:\(registry.port)",
                    "--cert", files.cert, "--key", files.key, "--ca", files.ca,
                ])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\r\n").map(String.init)
            #expect(
                lines.first
                    == "district,active,suspended,ended,inspections_completed,violations_established,disciplinary_opened,penalties_imposed,complaints_received,proceedings_transferred"
            )
            #expect(lines.contains("almaty-city,1,1,1,0,0,0,0,1,0"), "\(lines)")
            #expect(lines.contains("astana,1,0,0,0,0,0,0,0,0"))
            #expect(lines.count == 21)
            let early = await #expect(throws: RPCError.self) {
                _ = try await InspectionsStub(connection: ministry).quarterlyReport(.with { $0.quarter = "2026Q4x" })
            }
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
            #expect(before.refused.first?.problems.first?.message.contains("the MCI in force on 2027-01-20 is unknown") == true)

            let registryStub = RegistryStub(connection: ministry)
            #expect(try await registryStub.getMCITable(WireGetMCITableRequest()).years.last?.year == 2026)
            let chamber = try await registry.connect(role: "regionalChamber")
            let denied = await #expect(throws: RPCError.self) {
                _ = try await RegistryStub(connection: chamber).setMCI(
                    .with {
                        $0.year = 2027
                        $0.tenge = 4_500
                        $0.source = "x"
                    })
            }
            #expect(denied?.code == .permissionDenied)
            let table = try await registryStub.setMCI(
                .with {
                    $0.year = 2027
                    $0.tenge = 4_500
                    $0.source = "Law on the republican budget 2027–2029"
                })
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
            let onTime = try await bailiff.recordLegalAidReport(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.month = "2026-04"
                    $0.consultations = 12
                })
            #expect(!onTime.late)
            let notHis = await #expect(throws: RPCError.self) {
                _ = try await bailiff.recordLegalAidReport(
                    .with {
                        $0.licenseNumber = almaty[1]
                        $0.month = "2026-04"
                        $0.consultations = 1
                    })
            }
            #expect(notHis?.legalBasis == "103-1.4")
            clock.set("2026-05-06")
            let chamber = ChamberStub(connection: try await registry.connect(role: "regionalChamber"))
            let late = try await chamber.recordLegalAidReport(
                .with {
                    $0.licenseNumber = almaty[1]
                    $0.month = "2026-04"
                    $0.consultations = 3
                })
            #expect(late.late)
            #expect(late.dueOn == "2026-05-05")
            let summary = try await chamber.legalAidSummary(.with { $0.half = "2026H1" })
            #expect(summary.dueOn == "2026-07-20")
            #expect(summary.lines.map(\.district) == ["almaty-city"])  // a regional chamber sees its region
            #expect(summary.lines.first.map { [$0.bailiffsReporting, $0.reports, $0.lateReports, $0.consultations] } == [2, 2, 1, 15])
            await ministry.close()
        }
    }
}
