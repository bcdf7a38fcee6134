import Enforcement
import Foundation
import GRDB
import Logging
import RegistryClient
import RegistryServer
import RegistryService
import RegistryStore
import RegistryWire
import ServiceLifecycle
import SwiftProtobuf
import Testing

/// Case reassignment around its main path (issue 11): every combination of events the
/// worker meets, through registryd at fixed moments.
@Suite("End to end: transfers under every combination of events", .serialized)
struct TransferCombinationTests {
    static func importCases(_ numbers: [String], holder: String, _ connection: RegistryConnection) async throws {
        let response = try await ProceedingsStub(connection: connection).importProceedings(
            .with {
                $0.proceedings = numbers.map { TransferTests.record($0, holder: holder) }
            })
        #expect(response.refused.isEmpty, "\(response.refused)")
    }

    static func suspend(_ number: String, _ connection: RegistryConnection) async throws {
        _ = try await LicensingStub(connection: connection).suspendLicense(LicenseLifecycleTests.suspension(number, until: "2026-09-15"))
    }

    static func holder(_ number: String, _ registry: TestRegistry) async throws -> EnforcementProceeding.Holder? {
        try await registry.store.read { try $0.proceeding(number)?.holder }
    }

    static func outbox(_ type: String, _ registry: TestRegistry) async throws -> [String] {
        try await registry.store.read {
            try String.fetchAll($0.db, sql: "SELECT payload FROM outbox WHERE event_type = ? ORDER BY seq", arguments: [type])
        }
    }

    static func drain(_ registry: TestRegistry, limit: Int = RegistryCore.transferBatchSize) async throws -> [TransferBatchReport] {
        var reports: [TransferBatchReport] = []
        while let report = try await registry.core.runTransferBatch(limit: limit) { reports.append(report) }
        return reports
    }

    @Test func anItemThatCannotBeMovedIsQuarantinedWithItsReasonAndTheRestOfTheJobGoesOn() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-20")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 3, ministry: ministry)
            let numbers = (1...12).map { String(format: "K-%02d", $0) }
            try await Self.importCases(numbers, holder: almaty[0], ministry)
            try await Self.suspend(almaty[0], ministry)
            // K-06 cannot be moved, as a damaged row or a broken constraint would refuse it.
            try await registry.store.write { tx in
                try tx.db.execute(
                    sql: """
                        CREATE TEMP TRIGGER fail_k06 BEFORE INSERT ON proceeding_assignment
                        WHEN NEW.proceeding_number = 'K-06' AND NEW.reason = 'reassignment'
                        BEGIN SELECT RAISE(ABORT, 'simulated failure'); END
                        """)
            }
            let reports = try await Self.drain(registry, limit: 10)
            #expect(reports.map(\.quarantined).reduce(0, +) == 1)
            #expect(reports.allSatisfy { $0.failure == nil })
            let job = try #require(
                try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = almaty[0] }).jobs.first)
            #expect(job.state == "blocked")
            #expect(job.reassigned == 11)
            #expect(job.quarantined == 1)
            #expect(job.quarantine.map(\.number) == ["K-06"])
            #expect(job.quarantine.first?.reason.contains("simulated failure") == true)
            #expect(try await Self.holder("K-06", registry) == .regionalChamber(district: "almaty-city"))
            for number in numbers where number != "K-06" {
                let holder = try await Self.holder(number, registry)
                #expect(holder == .bailiff(license: almaty[1]) || holder == .bailiff(license: almaty[2]))
            }
            let alert = try #require(try await Self.outbox("alert.transfer_item_quarantined", registry).first)
            #expect(alert.contains(#""proceeding":"K-06""#))
            let explained = try await ProceedingsStub(connection: ministry).explainAssignment(.with { $0.number = "K-06" })
            #expect(explained.quarantine.contains("simulated failure"))
            await ministry.close()
        }
    }

    @Test func aJobWhoseBatchFailsWaitsWhileEveryOtherJobGoesOn() async throws {
        let clock = SteppingClock("2026-03-20")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 4, ministry: ministry)
            try await Self.importCases(["A-1", "A-2"], holder: almaty[0], ministry)
            try await Self.importCases(["B-1", "B-2"], holder: almaty[1], ministry)
            try await Self.suspend(almaty[0], ministry)
            try await Self.suspend(almaty[1], ministry)
            let jobs = try await ProceedingsStub(connection: ministry).listTransferJobs(WireListTransferJobsRequest()).jobs.sorted {
                $0.id < $1.id
            }
            // The first job cannot even start its round (as with a corrupt row outside its items).
            try await registry.store.write { tx in
                try tx.db.execute(
                    sql:
                        "CREATE TEMP TRIGGER fail_round BEFORE INSERT ON transfer_round WHEN NEW.job_id = \(jobs[0].id) BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"
                )
            }
            let reports = try await Self.drain(registry)
            #expect(reports.map(\.job) == [jobs[0].id, jobs[1].id])
            #expect(reports[0].failure?.contains("simulated failure") == true)
            #expect(reports[1].finished == .completed)
            let waiting = try #require(
                try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = almaty[0] }).jobs.first)
            #expect(waiting.state == "reassigning")
            #expect(waiting.lastError.contains("simulated failure"))
            #expect(try await Self.outbox("alert.transfer_failed", registry).count == 1)

            try await registry.store.write { try $0.db.execute(sql: "DROP TRIGGER fail_round") }
            #expect(try await Self.drain(registry).isEmpty)  // it waits its minute
            clock.set("2026-03-20", 10, 2)
            let retried = try await Self.drain(registry)
            #expect(retried.map(\.finished) == [.completed])
            #expect(
                try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = almaty[0] }).jobs.first?
                    .lastError == "")
            await ministry.close()
        }
    }

    @Test func aBailiffUnderReplacementOrOnLongAbsenceReceivesNothingAndTheExplanationSaysWhyNot_153_1_148_1_9_2() async throws {
        let clock = SteppingClock("2026-07-06")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 5, ministry: ministry)
            try await Self.importCases(["X-1", "X-2", "X-3", "X-4"], holder: almaty[0], ministry)
            let chamber = try await registry.connect(role: "republicanChamber")
            _ = try await ProceedingsStub(connection: chamber).recordTemporaryReplacement(
                .with {
                    $0.replacedLicense = almaty[1]
                    $0.substituteLicense = almaty[2]
                    $0.ground = "annualLeave"
                    $0.from = "2026-07-06"
                    $0.to = "2026-07-24"
                    $0.reference = "RC order 46"
                })
            let absence = try await ProceedingsStub(connection: chamber).recordLongAbsence(
                .with {
                    $0.licenseNumber = almaty[3]
                    $0.from = "2026-07-01"
                    $0.until = "2026-09-30"
                    $0.reason = "illness"
                    $0.reference = "sick note 9"
                })
            #expect(absence.absenceID > 0)
            try await Self.suspend(almaty[4], ministry)
            try await Self.suspend(almaty[0], ministry)
            _ = try await Self.drain(registry)
            for number in ["X-1", "X-2", "X-3", "X-4"] {
                #expect(try await Self.holder(number, registry) == .bailiff(license: almaty[2]))
            }
            let explained = try await ProceedingsStub(connection: ministry).explainAssignment(.with { $0.number = "X-1" })
            #expect(explained.candidateCount == 1)
            #expect(explained.replayMatches)
            let why = Dictionary(uniqueKeysWithValues: explained.excluded.map { ($0.license, $0.reasons.joined(separator: "; ")) })
            #expect(why[almaty[0]]?.contains("whose proceedings are transferred") == true)
            #expect(why[almaty[1]]?.contains("Art. 153-1") == true)
            #expect(why[almaty[3]]?.contains("Art. 148.1.9-2") == true)
            #expect(why[almaty[4]]?.contains("suspended") == true)

            // Back from the absence, he is a receiver again; a substitute must meet the same proof.
            let refused = await #expect(throws: RPCError.self) {
                _ = try await ProceedingsStub(connection: chamber).recordTemporaryReplacement(
                    .with {
                        $0.replacedLicense = almaty[2]
                        $0.substituteLicense = almaty[3]
                        $0.ground = "illness"
                        $0.from = "2026-07-06"
                        $0.to = "2026-07-10"
                        $0.reference = "RC order 47"
                    })
            }
            #expect(refused?.legalBasis == "148.1.9-2")
            let practising = try await LicensingStub(connection: ministry).mayPractise(.with { $0.licenseNumber = almaty[3] })
            #expect(!practising.mayPractise)
            let back = try await ProceedingsStub(connection: chamber).recordReturnFromAbsence(
                .with {
                    $0.licenseNumber = almaty[3]
                    $0.on = "2026-07-06"
                    $0.reference = "return note 1"
                })
            #expect(back.returnedOn == "2026-07-06")
            #expect(try await LicensingStub(connection: ministry).mayPractise(.with { $0.licenseNumber = almaty[3] }).mayPractise)
            await chamber.close()
            await ministry.close()
        }
    }

    @Test func aBailiffWhoHoldsNothingStillHasHisAccountFrozenAndNoChamberMeasuresAreDue_123_4() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-20")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            try await Self.suspend(almaty[0], ministry)
            let freeze = try #require(try await Self.outbox("action.account_freeze", registry).first)
            #expect(freeze.contains(#""legal_basis":"123.4""#))
            #expect(try await ProceedingsStub(connection: ministry).listTransferJobs(WireListTransferJobsRequest()).jobs.isEmpty)
            let deadlines = try await LicensingStub(connection: ministry).listDeadlines(.with { $0.licenseNumber = almaty[0] }).deadlines
            #expect(deadlines.map(\.kind) == [.bailiffHandover, .suspensionTermReview])
            await ministry.close()
        }
    }

    @Test func aBlockedJobResumesByItselfWhenAReceiverAppearsAndOnDemandWithAnAuditEntry() async throws {
        let clock = SteppingClock("2026-03-20")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            try await Self.importCases(["Q-1", "Q-2"], holder: almaty[0], ministry)
            try await Self.suspend(almaty[1], ministry)
            try await Self.suspend(almaty[0], ministry)
            #expect(try await Self.drain(registry).last?.finished == .blocked)
            let job = try #require(
                try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = almaty[0] }).jobs.first)
            #expect(try await registry.core.resumeBlockedJobs().isEmpty)  // nobody to receive yet

            // On demand, through the CLI, as the Ministry: resumed and audited.
            let files = try registry.credentialFiles(role: "ministry")
            let resumed = try await ExecutableTests.run(
                "registry-admin",
                [
                    "cases", "resume-job", String(job.id), "--server", "127.0.0.1:\(registry.port)",
                    "--cert", files.cert, "--key", files.key, "--ca", files.ca,
                ])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(resumed.stdout.contains("reassigning again: 2 proceedings to place"))
            #expect(try await Self.drain(registry).last?.finished == .blocked)
            let notBlocked = try await ExecutableTests.run(
                "registry-admin",
                [
                    "cases", "resume-job", "999", "--server", "127.0.0.1:\(registry.port)",
                    "--cert", files.cert, "--key", files.key, "--ca", files.ca,
                ])
            #expect(notBlocked.stderr.contains("NOT_FOUND"))

            // A bailiff appears in the district: the worker resumes the job by itself.
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(150))
            let newcomer = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(150)).license.number
            // Licensed is not enough: he receives cases only with his records (140.1, 146.1, 168.1.4).
            #expect(try await registry.core.resumeBlockedJobs().isEmpty)
            try await Sample.makePractising([(newcomer, "almaty-city", "2026-03-03")], ministry: ministry)
            #expect(try await registry.core.resumeBlockedJobs() == [job.id])
            #expect(try await Self.drain(registry).last?.finished == .completed)
            #expect(try await Self.holder("Q-1", registry) == .bailiff(license: newcomer))
            let audit = try await registry.store.read { try $0.auditEntries() }.filter {
                $0.entry.method == "Proceedings/ResumeTransferJob" && $0.entry.outcome == "OK"
            }
            #expect(audit.map(\.entry.principal) == [TestRegistry.uris["ministry"]!, "registryd:transfer-worker"])
            #expect(try await Self.outbox("transfer.resumed", registry).count == 2)
            await ministry.close()
        }
    }

    @Test func aReplayedExplanationEqualsTheOneComputedAtTheTimeForEveryMoveAcrossRounds() async throws {
        let clock = SteppingClock("2026-03-20")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 4, ministry: ministry)
            // Varied existing loads: 3, 1 and 0 proceedings.
            try await Self.importCases(["L-1", "L-2", "L-3"], holder: almaty[1], ministry)
            try await Self.importCases(["L-4"], holder: almaty[2], ministry)
            let numbers = (1...30).map { String(format: "J-%02d", $0) }
            try await Self.importCases(numbers, holder: almaty[0], ministry)
            try await Self.suspend(almaty[0], ministry)
            var decisions: [Reassignment] = []
            decisions += try #require(try await registry.core.runTransferBatch(limit: 7)).decisions
            // A receiver drops out mid-job: the next batch plans in a new round without him.
            clock.set("2026-03-20", 11)
            try await Self.suspend(almaty[3], ministry)
            while let report = try await registry.core.runTransferBatch(limit: 7), report.job == 1 { decisions += report.decisions }
            #expect(decisions.count == 30)
            #expect(try await registry.store.read { try $0.transferJob(1)?.round } == 2)
            // What the dropped-out receiver got in the first batch moved on in his own job; the rest is explained by job 1.
            let explainable = decisions.filter { $0.receiver != almaty[3] }
            #expect(explainable.count > 20)
            for decision in explainable {
                let explained = try await ProceedingsStub(connection: ministry).explainAssignment(.with { $0.number = decision.proceeding })
                #expect(explained.replayMatches, "\(decision.proceeding)")
                #expect(explained.receiverLicense == (decision.receiver ?? ""))
                #expect(
                    explained.loads.map { ReceiverCandidate(license: $0.license, load: Int($0.load)) } == decision.loads,
                    "\(decision.proceeding)")
                #expect(Int(explained.candidateCount) == decision.candidateCount)
                #expect(explained.seed == decision.seed)
                #expect(explained.policyVersion == decision.policyVersion)
            }
            // Each move left one assignment, no stored explanation, and one notice per party (143.6).
            let stored = try await registry.store.read {
                try Int.fetchOne(
                    $0.db, sql: "SELECT count(*) FROM proceeding_assignment WHERE reason = 'reassignment' AND explanation IS NOT NULL")
            }
            #expect(stored == 0)
            #expect(
                try await Self.outbox("notification.party", registry).filter { $0.contains(#""job":1,"legal_basis":"143.6""#) }.count == 2
                    * 30)
            await ministry.close()
        }
    }

    @Test func aReceiverWhoseInsuranceEndedSinceTheLastBatchReceivesNothingFromTheNextThoughNothingWasWritten_146_1() async throws {
        let clock = SteppingClock("2026-03-20")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            // A third bailiff whose only insurance contract ends today.
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(120))
            let issue = Sample.issue(120)
            let short = try await LicensingStub(connection: ministry).issueLicense(issue).license.number
            var request = WireImportPracticeRecordsRequest()
            request.records = Sample.practiceRecords(short, district: "almaty-city", from: issue.issueDate).map { record in
                var record = record
                if case .insurance = record.record { record.insurance.validTo = "2026-03-20" }
                return record
            }
            request.historicalSource = "test fixture"
            #expect(try await ChamberStub(connection: ministry).importPracticeRecords(request).refused.isEmpty)
            let numbers = (1...20).map { String(format: "N-%02d", $0) }
            try await Self.importCases(numbers, holder: almaty[0], ministry)
            try await Self.suspend(almaty[0], ministry)
            let first = try #require(try await registry.core.runTransferBatch(limit: 10))
            #expect(first.decisions.contains { $0.receiver == short })
            // The next day nobody writes anything, yet his cover is gone: the next batch plans without him.
            clock.set("2026-03-21", 10)
            let second = try #require(try await registry.core.runTransferBatch(limit: 10))
            #expect(second.decisions.count == 10)
            #expect(second.decisions.allSatisfy { $0.receiver == almaty[1] })
            #expect(try await registry.store.read { try $0.transferJob(1)?.round } == 2)
            await ministry.close()
        }
    }

    @Test func onShutdownTheWorkerStopsBetweenBatchesAndTheJobResumesOnRestart() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-20")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            let numbers = (1...20).map { String(format: "Z-%02d", $0) }
            try await Self.importCases(numbers, holder: almaty[0], ministry)
            try await Self.suspend(almaty[0], ministry)
            let stopper = GroupStopper()
            let worker = TransferWorker.service(core: registry.core, interval: .seconds(60), logger: Logger(label: "test"), batchSize: 5) {
                _ in
                await stopper.stop()
                // The group tells its services asynchronously; wait until the worker's task knows.
                while !Task.isShuttingDownGracefully { try? await Task.sleep(for: .milliseconds(1)) }
            }
            let group = ServiceGroup(services: [worker], logger: Logger(label: "test"))
            await stopper.set(group)
            try await group.run()
            let stopped = try #require(try await registry.store.read { try $0.transferJob(1) })
            #expect(stopped.state == .reassigning)
            #expect(stopped.reassigned == 5)  // exactly one batch, none cut in half

            // "Restart": the next worker run places the rest, each proceeding once.
            #expect(try await Self.drain(registry).last?.finished == .completed)
            let moves = try await registry.store.read {
                try Int.fetchAll(
                    $0.db, sql: "SELECT count(*) FROM proceeding_assignment WHERE reason = 'reassignment' GROUP BY proceeding_number")
            }
            #expect(moves.count == 20 && moves.allSatisfy { $0 == 1 })
            await ministry.close()
        }
    }

    @Test func aReImportWithSkipExistingSkipsWhatIsRegisteredAndSaysSo() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-20")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            await ministry.close()
            let file = registry.folder.appendingPathComponent("again.csv")
            let rows = (1...5).map { "I-\($0),courtWrit,2-\($0),other,Кредитор,Должник,almaty-city,Medeu,1000,2026-02-01,\(almaty[0])" }
            let header =
                "number,document_kind,document_reference,category,creditor_name,debtor_name,debtor_district,debtor_unit,amount,opened_on,holder_license\n"
            try (header + rows.prefix(2).joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let files = try registry.credentialFiles(role: "system")
            let arguments = ["--server", "127.0.0.1:\(registry.port)", "--cert", files.cert, "--key", files.key, "--ca", files.ca]
            #expect(try await ExecutableTests.run("registry-admin", ["cases", "import", file.path] + arguments).status == 0)
            try (header + rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let refused = try await ExecutableTests.run("registry-admin", ["cases", "import", file.path] + arguments)
            #expect(refused.status == 1)
            #expect(refused.stdout.contains("imported 3 of 5 rows; 2 refused"))
            try (header + rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let skipped = try await ExecutableTests.run("registry-admin", ["cases", "import", file.path, "--skip-existing"] + arguments)
            #expect(skipped.status == 0, "\(skipped.stderr)")
            #expect(skipped.stdout.contains("imported 0 of 5 rows; 5 skipped as already registered; 0 refused"), "\(skipped.stdout)")
        }
    }
}

/// Triggers the graceful shutdown of a service group from inside one of its services.
actor GroupStopper {
    private var group: ServiceGroup?

    func set(_ group: ServiceGroup) { self.group = group }

    func stop() async { await group?.triggerGracefulShutdown() }
}
