import Enforcement
import Foundation
import GRDB
import RegistryClient
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf
import Testing

/// Transfers around temporary replacements (153-1): proceedings that move during the period,
/// a replaced bailiff who may no longer act at its end, a period that passed while registryd
/// was down, and a creditor who takes his document back.
@Suite("End to end: transfers around temporary replacements", .serialized)
struct TransferReplacementTests {
    @Test func aReplacedProceedingMovedAwayDuringTheReplacementNeitherStopsItsEndNorComesBack_153_1() async throws {
        let clock = SteppingClock("2026-07-06")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 4, ministry: ministry)
            try await TransferCombinationTests.importCases(["R-1", "R-2"], holder: almaty[0], ministry)
            try await TransferCombinationTests.importCases(["S-1"], holder: almaty[2], ministry)
            let chamber = try await registry.connect(role: "republicanChamber")
            _ = try await ProceedingsStub(connection: chamber).recordTemporaryReplacement(
                .with {
                    $0.replacedLicense = almaty[0]
                    $0.substituteLicense = almaty[1]
                    $0.ground = "annualLeave"
                    $0.from = "2026-07-06"
                    $0.to = "2026-07-24"
                    $0.reference = "RC order 44"
                })
            _ = try await ProceedingsStub(connection: chamber).recordTemporaryReplacement(
                .with {
                    $0.replacedLicense = almaty[2]
                    $0.substituteLicense = almaty[3]
                    $0.ground = "illness"
                    $0.from = "2026-07-06"
                    $0.to = "2026-07-24"
                    $0.reference = "RC order 45"
                })
            #expect(try await TransferCombinationTests.holder("R-1", registry) == .bailiff(license: almaty[1]))
            // The first substitute loses the right to act: everything he holds is transferred.
            try await TransferCombinationTests.suspend(almaty[1], ministry)
            _ = try await TransferCombinationTests.drain(registry)
            // The second substitute's ruling sends S-1 to another district.
            _ = try await ProceedingsStub(connection: try await registry.connect(role: "system")).relocateProceeding(
                .with {
                    $0.number = "S-1"
                    $0.district = "astana"
                    $0.ruling = "ruling 7"
                })

            clock.set("2026-07-25")
            #expect(try await registry.core.runReplacements() == (started: 0, ended: 2))
            let replacements = try await registry.store.read { try $0.replacements(license: nil) }
            #expect(replacements.allSatisfy { $0.state == .ended })
            // R-1 and R-2 stay with their new bailiff; S-1 stays in Astana.
            for number in ["R-1", "R-2"] {
                let holder = try await TransferCombinationTests.holder(number, registry)
                #expect(holder != .bailiff(license: almaty[0]) && holder != .bailiff(license: almaty[1]))
            }
            #expect(try await registry.store.read { try $0.proceeding("S-1")?.district } == "astana")
            let items = try await registry.store.read {
                try String.fetchAll($0.db, sql: "SELECT state FROM replacement_item ORDER BY proceeding_number")
            }
            #expect(items == ["movedAway", "movedAway", "movedAway"])
            // Other jobs are untouched by any of it.
            #expect(try await TransferCombinationTests.drain(registry).allSatisfy { $0.failure == nil })
            await chamber.close()
            await ministry.close()
        }
    }

    @Test func theJobAtTheEndOfAReplacementUsesTheConfiguredPolicyAndWritesTheEventsOfEveryJob() async throws {
        let clock = SteppingClock("2026-07-06")
        let policy = try TransferPolicy.parse(weights: ["sociallySignificant=3"])
        try await withRegistry(clock: clock, transferPolicy: policy) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 3, ministry: ministry)
            try await TransferCombinationTests.importCases(["E-1", "E-2"], holder: almaty[0], ministry)
            let chamber = try await registry.connect(role: "republicanChamber")
            let replacement = try await ProceedingsStub(connection: chamber).recordTemporaryReplacement(
                .with {
                    $0.replacedLicense = almaty[0]
                    $0.substituteLicense = almaty[1]
                    $0.ground = "businessTrip"
                    $0.from = "2026-07-06"
                    $0.to = "2026-07-10"
                    $0.reference = "RC order 48"
                }
            ).replacement
            // The replaced bailiff loses the right to act during the period: at its end his cases are transferred.
            try await TransferCombinationTests.suspend(almaty[0], ministry)
            clock.set("2026-07-11")
            #expect(try await registry.core.runReplacements() == (started: 0, ended: 1))
            let job = try #require(
                try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = almaty[0] }).jobs.first)
            #expect(job.trigger == "replacementEnded")
            #expect(job.triggerReference == "replacement \(replacement.id)")
            #expect(job.policyVersion == policy.version)
            let created = try await TransferCombinationTests.outbox("transfer.created", registry)
            #expect(created.contains { $0.contains(#""trigger":"replacementEnded""#) && $0.contains(#""job":\#(job.id)"#) })
            #expect(try await TransferCombinationTests.drain(registry).last?.finished == .completed)
            #expect(try await TransferCombinationTests.outbox("transfer.completed", registry).contains(#"{"job":\#(job.id)}"#))
            await chamber.close()
            await ministry.close()
        }
    }

    @Test func aReplacementWhoseWholePeriodPassedWhileRegistrydWasDownIsStartedAndEndedInOrder() async throws {
        let clock = SteppingClock("2026-07-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            try await TransferCombinationTests.importCases(["W-1"], holder: almaty[0], ministry)
            let chamber = try await registry.connect(role: "republicanChamber")
            let scheduled = try await ProceedingsStub(connection: chamber).recordTemporaryReplacement(
                .with {
                    $0.replacedLicense = almaty[0]
                    $0.substituteLicense = almaty[1]
                    $0.ground = "annualLeave"
                    $0.from = "2026-07-06"
                    $0.to = "2026-07-10"
                    $0.reference = "RC order 49"
                }
            ).replacement
            #expect(scheduled.state == "scheduled")
            clock.set("2026-07-20")  // registryd was down from 1 to 20 July
            #expect(try await registry.core.runReplacements() == (started: 1, ended: 1))
            let history = try await ProceedingsStub(connection: ministry).getProceeding(.with { $0.number = "W-1" })
            #expect(history.proceeding.holder == "bailiff:\(almaty[0])")
            #expect(history.assignments.map(\.reason) == ["import", "temporaryReplacement", "replacementEnded"])
            // Both parties are told of the start and of the end.
            #expect(try await TransferCombinationTests.outbox("notification.party", registry).count == 4)
            await chamber.close()
            await ministry.close()
        }
    }

    @Test func returnToTheCreditorLeavesNoUnusedAdvanceOnTheClosedRecord_153_1_3() async throws {
        let clock = SteppingClock("2026-07-06")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            try await TransferCombinationTests.importCases(["V-1"], holder: almaty[0], ministry)
            let chamber = try await registry.connect(role: "republicanChamber")
            _ = try await ProceedingsStub(connection: chamber).recordTemporaryReplacement(
                .with {
                    $0.replacedLicense = almaty[0]
                    $0.substituteLicense = almaty[1]
                    $0.ground = "annualLeave"
                    $0.from = "2026-07-06"
                    $0.to = "2026-07-10"
                    $0.reference = "RC order 50"
                })
            let system = try await registry.connect(role: "system")
            let closed = try await ProceedingsStub(connection: system).returnToCreditor(
                .with {
                    $0.number = "V-1"
                    $0.application = "application 3"
                }
            ).proceeding
            #expect(closed.status == "closed")
            #expect(closed.record.advancePaid == closed.record.advanceUsed)
            let stored = try #require(try await registry.store.read { try $0.proceeding("V-1") })
            #expect(stored.unusedAdvance == .zero)
            #expect(
                try await TransferCombinationTests.outbox("action.advance_return", registry).first?.contains(#""amount":"5000.00""#) == true
            )
            await system.close()
            await chamber.close()
            await ministry.close()
        }
    }
}
