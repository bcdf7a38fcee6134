import Enforcement
import Foundation
import GRDB
import RegistryClient
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf
import Testing

/// Temporary replacement (153-1) and debtor relocation (52.4.2, 52.5) through registryd.
@Suite("End to end: temporary replacement and debtor relocation", .serialized)
struct ReplacementTests {
    @Test func aReplacementMovesTheProceedingsForThePeriodAndBringsThemBack_153_1() async throws {
        let clock = SteppingClock("2026-07-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, astana) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with {
                    $0.proceedings = ["R-1", "R-2", "R-3"].map { TransferTests.record($0, holder: almaty[0]) }
                })
            let chamber = try await registry.connect(role: "republicanChamber")
            let stub = ProceedingsStub(connection: chamber)
            let leave = WireRecordTemporaryReplacementRequest.with {
                $0.replacedLicense = almaty[0]
                $0.substituteLicense = almaty[1]
                $0.ground = "annualLeave"
                $0.from = "2026-07-06"
                $0.to = "2026-07-24"
                $0.reference = "RC order 44"
            }
            var farAway = leave
            farAway.substituteLicense = astana
            let otherDistrict = await #expect(throws: RPCError.self) { _ = try await stub.recordTemporaryReplacement(farAway) }
            #expect(otherDistrict?.legalBasis == "152.2")
            var badGround = leave
            badGround.ground = "holiday"
            #expect(
                await #expect(throws: RPCError.self) { _ = try await stub.recordTemporaryReplacement(badGround) }?.legalBasis == "153-1.2")

            let scheduled = try await stub.recordTemporaryReplacement(leave).replacement
            #expect(scheduled.state == "scheduled")
            let overlap = await #expect(throws: RPCError.self) { _ = try await stub.recordTemporaryReplacement(leave) }
            #expect(overlap?.code == .alreadyExists)

            clock.set("2026-07-06")
            #expect(try await registry.core.runReplacements() == (started: 1, ended: 0))
            let during = try await ProceedingsStub(connection: ministry).listProceedings(.with { $0.holderLicense = almaty[1] })
            #expect(during.proceedings.map(\.record.number) == ["R-1", "R-2", "R-3"])

            // The creditor of R-2 disagrees: his document and unused advance go back (153-1.3 ¶2).
            let returned = try await ProceedingsStub(connection: ministry).getProceeding(.with { $0.number = "R-2" })
            #expect(returned.proceeding.holder == "bailiff:\(almaty[1])")
            let system = try await registry.connect(role: "system")
            let closed = try await ProceedingsStub(connection: system).returnToCreditor(
                .with {
                    $0.number = "R-2"
                    $0.application = "application 2026-07-08"
                }
            ).proceeding
            #expect(closed.status == "closed")

            clock.set("2026-07-24")
            #expect(try await registry.core.runReplacements() == (started: 0, ended: 0))
            clock.set("2026-07-25")
            #expect(try await registry.core.runReplacements() == (started: 0, ended: 1))
            let after = try await ProceedingsStub(connection: ministry).listProceedings(
                .with {
                    $0.holderLicense = almaty[0]
                    $0.status = "open"
                })
            #expect(after.proceedings.map(\.record.number) == ["R-1", "R-3"])
            let history = try await ProceedingsStub(connection: ministry).getProceeding(.with { $0.number = "R-1" })
            #expect(history.assignments.map(\.reason) == ["import", "temporaryReplacement", "replacementEnded"])

            let events = try await registry.store.read {
                try String.fetchAll($0.db, sql: "SELECT payload FROM outbox WHERE event_type = 'action.advance_return'")
            }
            #expect(events.count == 1)
            #expect(events.first?.contains(#""amount":"5000.00""#) == true)
            #expect(events.first?.contains("153-1.3") == true)
            await system.close()
            await chamber.close()
            await ministry.close()
        }
    }

    @Test func aDebtorFoundInAnotherDistrictSendsTheProceedingToThatChamberWhichReassignsIt_52_4_2() async throws {
        try await withRegistry(clock: SteppingClock("2026-07-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, astana) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            #expect(almaty[0] == "2026-000001")
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with { $0.proceedings = [TransferTests.record("M-1", holder: almaty[0])] })
            let bailiff = try await registry.connect(role: "bailiff")
            let stub = ProceedingsStub(connection: bailiff)
            let same = await #expect(throws: RPCError.self) {
                _ = try await stub.relocateProceeding(
                    .with {
                        $0.number = "M-1"
                        $0.district = "almaty-city"
                        $0.ruling = "r"
                    })
            }
            #expect(same?.legalBasis == "52.4.2")
            let moved = try await stub.relocateProceeding(
                .with {
                    $0.number = "M-1"
                    $0.district = "astana"
                    $0.ruling = #"ruling "2026-07-01/5""#
                }
            ).proceeding
            #expect(moved.holder == "regionalChamber:astana")
            #expect(moved.district == "astana")
            #expect(moved.record.advancePaid == moved.record.advanceUsed)

            let report = try #require(try await registry.core.runTransferBatch())
            #expect(report.reassigned == 1)
            let explained = try await ProceedingsStub(connection: ministry).explainAssignment(.with { $0.number = "M-1" })
            #expect(explained.proceeding.holder == "bailiff:\(astana)")
            #expect(explained.trigger == #"\#(almaty[0]) debtorRelocated (ruling "2026-07-01/5")"#)
            let outbox = try await registry.store.read {
                try String.fetchAll($0.db, sql: "SELECT payload FROM outbox WHERE event_type = 'action.advance_return'")
            }
            // Free text in a payload (here a quoted ruling) stays valid JSON for the enforcement system.
            let advance = try JSONSerialization.jsonObject(with: Data(try #require(outbox.first).utf8)) as? [String: Any]
            #expect(advance?["amount"] as? String == "5000.00")
            #expect(advance?["ruling"] as? String == #"ruling "2026-07-01/5""#)
            #expect(advance?["legal_basis"] as? String == "52.5")
            await bailiff.close()
            await ministry.close()
        }
    }
}

@Suite("End to end: absence over a month, Art. 148.1.9-2", .serialized)
struct LongAbsenceTests {
    @Test func onlyAnAbsenceOverAMonthHandsTheProceedingsOverAndTheyAreReassigned_148_1_9_2() async throws {
        let clock = SteppingClock("2026-07-20")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with { $0.proceedings = [TransferTests.record("L-1", holder: almaty[0])] })
            let chamber = ProceedingsStub(connection: try await registry.connect(role: "regionalChamber"))
            let short = WireRecordLongAbsenceRequest.with {
                $0.licenseNumber = almaty[0]
                $0.from = "2026-07-01"
                $0.until = "2026-07-31"
                $0.reason = "illness"
                $0.reference = "sick note 5"
            }
            let refused = await #expect(throws: RPCError.self) { _ = try await chamber.recordLongAbsence(short) }
            #expect(refused?.reason == "ABSENCE_NOT_OVER_A_MONTH")
            #expect(refused?.legalBasis == "148.1.9-2")
            #expect(refused?.retryOn == "2026-08-02")

            var long = short
            long.until = "2026-09-30"
            let recorded = try await chamber.recordLongAbsence(long)
            #expect(recorded.proceedingsHandedOver == 1)
            let jobs = try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = almaty[0] }).jobs
            #expect(jobs.first?.trigger == "longAbsence")
            #expect(jobs.first?.id == recorded.jobID)
            _ = try await registry.core.runTransferBatch()
            #expect(
                try await ProceedingsStub(connection: ministry).getProceeding(.with { $0.number = "L-1" }).proceeding.holder
                    == "bailiff:\(almaty[1])")
            let freezes = try await registry.store.read {
                try Int.fetchOne($0.db, sql: "SELECT count(*) FROM outbox WHERE event_type = 'action.account_freeze'")
            }
            #expect(freezes == 0)  // 123.4 names license events and expulsion, not absence
            let handover = try await LicensingStub(connection: ministry).listDeadlines(.with { $0.licenseNumber = almaty[0] }).deadlines
            #expect(handover.map(\.kind) == [.bailiffHandover])
            #expect(handover.first?.dueOn == "2026-07-23")  // Mon 20 July + 3 working days
            #expect(handover.first?.entry == 0)
            await ministry.close()
        }
    }
}
