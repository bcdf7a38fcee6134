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

/// Case intake and the transfer of proceedings when a bailiff loses the right to act
/// (143.6, 144.4, 148.1.9-2, 162.1.2-3, 123.6, 58.5), through registryd at fixed moments.
@Suite("End to end: proceedings and their transfer", .serialized)
struct TransferTests {
    static func record(_ number: String, holder: String, category: String = "other", debtorKind: String = "") -> WireProceedingRecord {
        .with {
            $0.number = number
            $0.documentKind = "courtWrit"
            $0.documentReference = "SMAS Almaty 2-\(number)"
            $0.debtorKind = debtorKind
            $0.category = category
            $0.creditorName = "ТОО Кредитор"
            $0.creditorKind = "legalEntity"
            $0.creditorIdentifier = "123456789012"
            $0.creditorContact = "info@creditor.kz"
            $0.debtorName = "Должник \(number)"
            $0.debtorDistrict = "almaty-city"
            $0.debtorUnit = "Bostandyk"
            $0.amount = "150000"
            $0.openedOn = "2026-02-01"
            $0.holderLicense = holder
            $0.advancePaid = "5000"
        }
    }

    /// Bailiffs in Almaty (serials 110…110+count-1) and one in Astana; returns their license numbers.
    /// Each is practise-ready (`records`: membership, insurance and registration on record) unless told otherwise.
    static func bailiffs(
        _ registry: TestRegistry, almaty count: Int, ministry: RegistryConnection,
        records: Set<PracticeRecordKind> = Set(PracticeRecordKind.allCases)
    ) async throws -> (almaty: [String], astana: String) {
        let persons = RegistryStub(connection: ministry)
        let licensing = LicensingStub(connection: ministry)
        var almaty: [String] = []
        for serial in 110..<(110 + count) {
            _ = try await persons.registerPerson(Sample.person(serial))
            almaty.append(try await licensing.issueLicense(Sample.issue(serial)).license.number)
        }
        _ = try await persons.registerPerson(Sample.person(130))
        var astana = Sample.issue(130)
        astana.district = "astana"
        let astanaLicense = try await licensing.issueLicense(astana).license.number
        try await Sample.makePractising(
            almaty.map { ($0, "almaty-city", astana.issueDate) } + [(astanaLicense, "astana", astana.issueDate)], kinds: records,
            ministry: ministry)
        return (almaty, astanaLicense)
    }

    @Test func intakeKeepsGoodRowsAndNamesEveryProblemOfTheBadOnes() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-20")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await Self.bailiffs(registry, almaty: 1, ministry: ministry)
            let system = try await registry.connect(role: "system")
            var bad = Self.record("P-2", holder: almaty[0])
            bad.amount = "1,5"
            bad.documentKind = "writ"
            let state = Self.record("P-3", holder: almaty[0], debtorKind: "state")
            let unknown = Self.record("P-4", holder: "2026-999999")
            let result = try await ProceedingsStub(connection: system).importProceedings(
                .with {
                    $0.proceedings = [Self.record("P-1", holder: almaty[0]), bad, state, unknown, Self.record("P-1", holder: almaty[0])]
                })
            #expect(result.accepted == ["P-1"])
            #expect(result.refused.map(\.index) == [1, 2, 3, 4])
            #expect(result.refused[0].problems.map(\.field) == ["document_kind", "amount"])
            #expect(result.refused[1].problems.first?.legalBasis == "138.1(1)")
            #expect(result.refused[2].problems.first?.field == "holder_license")
            #expect(result.refused[3].problems.first?.message.contains("already registered") == true)
            let stored = try await ProceedingsStub(connection: ministry).getProceeding(.with { $0.number = "P-1" })
            #expect(stored.proceeding.holder == "bailiff:\(almaty[0])")
            #expect(stored.assignments.map(\.reason) == ["import"])

            let chamber = try await registry.connect(role: "regionalChamber")
            let denied = await #expect(throws: RPCError.self) {
                _ = try await ProceedingsStub(connection: chamber).importProceedings(
                    .with { $0.proceedings = [Self.record("P-9", holder: almaty[0])] })
            }
            #expect(denied?.code == .permissionDenied)
            await chamber.close()
            await system.close()
            await ministry.close()
        }
    }

    @Test func aSuspensionHandsEveryProceedingToTheChamberAndTheWorkerSpreadsThemInTheDistrict_143_6() async throws {
        let clock = SteppingClock("2026-03-20", 11, 0)
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, astana) = try await Self.bailiffs(registry, almaty: 4, ministry: ministry)
            let outgoing = almaty[0]
            let rows =
                (1...30).map {
                    Self.record(
                        "A-\(String(format: "%03d", $0))", holder: outgoing, category: $0 % 3 == 0 ? "sociallySignificant" : "other")
                }
                + [Self.record("B-001", holder: almaty[1]), Self.record("B-002", holder: almaty[1])]
            let imported = try await ProceedingsStub(connection: ministry).importProceedings(.with { $0.proceedings = rows })
            #expect(imported.refused.isEmpty)

            _ = try await LicensingStub(connection: ministry).suspendLicense(
                LicenseLifecycleTests.suspension(outgoing, until: "2026-06-19"))
            // In the decision's transaction: nothing stays with the suspended bailiff (143.4, INV-14).
            let held = try await ProceedingsStub(connection: ministry).listProceedings(.with { $0.holderLicense = outgoing })
            #expect(held.proceedings.isEmpty)
            let withChamber = try await ProceedingsStub(connection: ministry).listProceedings(
                .with {
                    $0.heldByChamber = true
                    $0.pageSize = 100
                })
            #expect(withChamber.proceedings.count == 30)
            let job = try #require(
                try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = outgoing }).jobs.first)
            #expect(job.state == "reassigning")
            #expect(job.total == 30)

            clock.set("2026-03-20", 11, 5)
            var batches = 0
            while let report = try await registry.core.runTransferBatch(limit: 7) {
                batches += 1
                #expect(report.stranded == 0)
            }
            #expect(batches == 5)
            let done = try #require(
                try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = outgoing }).jobs.first)
            #expect(done.state == "completed")
            #expect(done.reassigned == 30)

            let counts = try await registry.store.read { reader in
                try Dictionary(
                    grouping: reader.proceedings(matching: ProceedingFilter(status: .open), after: nil, limit: 1000),
                    by: \.holder.description
                ).mapValues(\.count)
            }
            #expect(counts["bailiff:\(outgoing)"] == nil)
            #expect(counts["bailiff:\(astana)"] == nil)
            #expect(counts["regionalChamber:almaty-city"] == nil)
            // 32 open proceedings over three receivers: the one holding two already gets fewer.
            #expect(counts.values.reduce(0, +) == 32)
            #expect(counts.values.max()! - counts.values.min()! <= 1)

            let explained = try await ProceedingsStub(connection: ministry).explainAssignment(.with { $0.number = "A-001" })
            #expect(explained.outcome == "assigned")
            #expect(explained.candidateCount == 3)
            #expect(explained.policyVersion == "least-loaded/1")
            #expect(explained.seed == job.seed)
            #expect(explained.receiverIin.count == 12)
            #expect(explained.assignments.map(\.reason) == ["import", "handover", "reassignment"])
            #expect(explained.trigger == "\(outgoing)#1 suspended")

            let outbox = try await registry.store.read {
                try [String: Int](
                    uniqueKeysWithValues: Row.fetchAll($0.db, sql: "SELECT event_type, count(*) AS n FROM outbox GROUP BY event_type").map {
                        ($0["event_type"], $0["n"])
                    })
            }
            #expect(outbox["notification.party"] == 60)
            #expect(outbox["action.collection_orders"] == 30)
            #expect(outbox["action.funds_move"] == 30)
            #expect(outbox["action.account_freeze"] == 1)
            #expect(outbox["transfer.completed"] == 1)
            let deadlines = try await LicensingStub(connection: ministry).listDeadlines(.with { $0.licenseNumber = outgoing }).deadlines
            #expect(deadlines.first { $0.kind == .chamberTransferMeasures }?.closedBy == "transfer job \(job.id) completed")

            // Only the chamber of his district receives the files and archive (148.1.9-2).
            let chamber = ProceedingsStub(connection: try await registry.connect(role: "regionalChamber"))
            #expect(
                try await chamber.confirmHandover(
                    .with {
                        $0.licenseNumber = outgoing
                        $0.reference = "act 2026-3"
                    }
                ).closed == 1)
            let again = await #expect(throws: RPCError.self) {
                _ = try await chamber.confirmHandover(
                    .with {
                        $0.licenseNumber = outgoing
                        $0.reference = "act 2026-3"
                    })
            }
            #expect(again?.reason == "NO_HANDOVER_DUE")
            let other = await #expect(throws: RPCError.self) {
                _ = try await chamber.confirmHandover(
                    .with {
                        $0.licenseNumber = astana
                        $0.reference = "x"
                    })
            }
            #expect(other?.reason == "OTHER_REGION")
            await ministry.close()
        }
    }

    @Test func withNobodyElseInTheDistrictTheProceedingsStayWithTheChamberAndTheJobIsBlocked() async throws {
        let clock = SteppingClock("2026-03-20")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await Self.bailiffs(registry, almaty: 1, ministry: ministry)
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with { $0.proceedings = [Self.record("C-1", holder: almaty[0])] })
            _ = try await LicensingStub(connection: ministry).terminateLicense(
                .with {
                    $0.number = almaty[0]
                    $0.ground = "t144_1_4"
                    $0.reasons = "death on 2026-03-18"
                })
            let report = try #require(try await registry.core.runTransferBatch())
            #expect(report.stranded == 1)
            #expect(report.finished == .blocked)
            let explained = try await ProceedingsStub(connection: ministry).explainAssignment(.with { $0.number = "C-1" })
            #expect(explained.proceeding.holder == "regionalChamber:almaty-city")
            #expect(explained.outcome.hasPrefix("no eligible receiver"))
            let alerts = try await registry.store.read {
                try Int.fetchOne($0.db, sql: "SELECT count(*) FROM outbox WHERE event_type = 'alert.transfer_blocked'")
            }
            #expect(alerts == 1)
            await ministry.close()
        }
    }

    @Test func anAnnulmentBeforeAnyProceedingMovedOnCancelsTheJobAndGivesThemBack() async throws {
        let clock = SteppingClock("2026-03-20")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await Self.bailiffs(registry, almaty: 2, ministry: ministry)
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with { $0.proceedings = [Self.record("D-1", holder: almaty[0])] })
            let licensing = LicensingStub(connection: ministry)
            _ = try await licensing.suspendLicense(LicenseLifecycleTests.suspension(almaty[0], until: "2026-06-19"))
            _ = try await licensing.recordCourtAnnulment(
                .with {
                    $0.number = almaty[0]
                    $0.entry = 1
                    $0.courtAct = "3a-1"
                    $0.inForceOn = "2026-03-20"
                    $0.reasons = "unfounded"
                })
            let jobs = try await ProceedingsStub(connection: ministry).listTransferJobs(.with { $0.licenseNumber = almaty[0] }).jobs
            #expect(jobs.map(\.state) == ["cancelled"])
            let back = try await ProceedingsStub(connection: ministry).getProceeding(.with { $0.number = "D-1" })
            #expect(back.proceeding.holder == "bailiff:\(almaty[0])")
            #expect(back.assignments.map(\.reason) == ["import", "handover", "cancelled"])
            #expect(try await registry.core.runTransferBatch() == nil)
            await ministry.close()
        }
    }

    @Test func aBailiffSeesOnlyTheProceedingsHeHolds() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-20")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await Self.bailiffs(registry, almaty: 2, ministry: ministry)
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with {
                    $0.proceedings = [Self.record("E-1", holder: almaty[0]), Self.record("E-2", holder: almaty[1])]
                })
            // The development "bailiff" certificate names license 2026-000001, the first issued here.
            #expect(almaty[0] == "2026-000001")
            let bailiff = try await registry.connect(role: "bailiff")
            let own = try await ProceedingsStub(connection: bailiff).listProceedings(WireListProceedingsRequest())
            #expect(own.proceedings.map(\.record.number) == ["E-1"])
            let other = await #expect(throws: RPCError.self) {
                _ = try await ProceedingsStub(connection: bailiff).getProceeding(.with { $0.number = "E-2" })
            }
            #expect(other?.code == .permissionDenied)
            await bailiff.close()
            await ministry.close()
        }
    }
}

@Suite("End to end: case intake through the CLI", .serialized)
struct CaseImportCLITests {
    @Test func aCSVImportKeepsGoodRowsAndReportsEachBadOneByItsLine() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            await ministry.close()
            let file = registry.folder.appendingPathComponent("cases.csv")
            try #"""
            number,document_kind,document_reference,category,creditor_name,debtor_name,debtor_district,debtor_unit,amount,opened_on,holder_license
            F-1,courtWrit,"SMAS 2-1, Almaty",other,"ТОО ""Кредит""",Должник 1,almaty-city,Bostandyk,150000,2026-02-01,\#(almaty[0])
            F-2,writ,2-2,other,Кредитор,Должник 2,almaty-city,Medeu,12.345,2026-02-01,\#(almaty[0])
            F-3,courtWrit,2-3,other,Кредитор
            F-4,feeRuling,2-4,other,Кредитор,Должник 4,almaty-city,Medeu,5000,2026-02-02,\#(almaty[0])

            """#.write(to: file, atomically: true, encoding: .utf8)
            let files = try registry.credentialFiles(role: "system")
            let result = try await ExecutableTests.run(
                "registry-admin",
                [
                    "cases", "import", file.path, "--server", "127.0.0.1:\(registry.port)",
                    "--cert", files.cert, "--key", files.key, "--ca", files.ca,
                ])
            #expect(result.status == 1)
            #expect(result.stdout.contains("line 3: document_kind: 'writ' is not one of"), "\(result.stdout)")
            #expect(result.stdout.contains("amount: '12.345' is not an amount"))
            #expect(result.stdout.contains("line 4: 5 fields, the header has 11"))
            #expect(result.stdout.contains("imported 2 of 4 rows; 2 refused"))
            let stored = try await registry.store.read { try $0.proceeding("F-1") }
            #expect(stored?.document.reference == "SMAS 2-1, Almaty")
            #expect(stored?.creditor.name == "ТОО \"Кредит\"")

            let lines = registry.folder.appendingPathComponent("cases.ndjson")
            try
                (#"{"number":"G-1","document_kind":"courtOrder","document_reference":"2-9","category":"sociallySignificant","creditor_name":"А","debtor_name":"Б","debtor_district":"almaty-city","amount":"70000","opened_on":"2026-02-03","holder_license":"\#(almaty[0])"}"#
                + "\n{not json\n").write(to: lines, atomically: true, encoding: .utf8)
            let second = try await ExecutableTests.run(
                "registry-admin",
                [
                    "cases", "import", lines.path, "--server", "127.0.0.1:\(registry.port)",
                    "--cert", files.cert, "--key", files.key, "--ca", files.ca,
                ])
            #expect(second.stdout.contains("line 2: not a proceeding object"), "\(second.stdout)")
            #expect(second.stdout.contains("imported 1 of 2 rows; 1 refused"))
            #expect(try await registry.store.read { try $0.proceeding("G-1") }?.category == .sociallySignificant)
        }
    }
}
