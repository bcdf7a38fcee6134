import Enforcement
import Foundation
import RegistryClient
import RegistryService
import RegistryWire
import SwiftProtobuf
import Testing

/// Positive proof (140.1, 146.1, 149, 153-1, 168.1.4; DOMAIN.md §9.5-6): a bailiff practises,
/// receives cases and substitutes only with every record the Law requires on file.
@Suite("End to end: practice on positive proof", .serialized)
struct PracticeProofTests {
    /// Four Almaty bailiffs: [0] holds the cases, [1] has every record, [2] lacks membership, [3] lacks registration.
    static func district(_ registry: TestRegistry, ministry: RegistryConnection) async throws -> [String] {
        let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 4, ministry: ministry, records: [.insurance])
        let all = [almaty[0], almaty[1]].map { ($0, "almaty-city", "2026-03-03") }
        try await Sample.makePractising(all, kinds: [.membership, .registration], ministry: ministry)
        try await Sample.makePractising([(almaty[3], "almaty-city", "2026-03-03")], kinds: [.membership], ministry: ministry)
        try await Sample.makePractising([(almaty[2], "almaty-city", "2026-03-03")], kinds: [.registration], ministry: ministry)
        return almaty
    }

    @Test func aBailiffWithoutMembershipOrRegistrationOnRecordNeverReceivesCases_140_1_168_1_4() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let almaty = try await Self.district(registry, ministry: ministry)
            let proceedings = ProceedingsStub(connection: ministry)
            _ = try await proceedings.importProceedings(
                .with { $0.proceedings = ["M-1", "M-2", "M-3"].map { TransferTests.record($0, holder: almaty[0]) } })
            _ = try await LicensingStub(connection: ministry).suspendLicense(
                LicenseLifecycleTests.suspension(almaty[0], until: "2026-06-30"))
            _ = try await registry.core.runTransferBatch()
            for number in ["M-1", "M-2", "M-3"] {
                #expect(try await proceedings.getProceeding(.with { $0.number = number }).proceeding.holder == "bailiff:\(almaty[1])")
            }
            let explained = try await proceedings.explainAssignment(.with { $0.number = "M-1" })
            let why = Dictionary(uniqueKeysWithValues: explained.excluded.map { ($0.license, $0.reasons.joined(separator: "; ")) })
            #expect(why[almaty[2]] == "no membership of the Republican Chamber on record (Art. 140.1)")
            #expect(why[almaty[3]] == "no accounting registration with the territorial body on record (Art. 168.1.4)")
            await ministry.close()
        }
    }

    @Test func aSubstituteNeedsEveryRecordNotOnlyALicense_153_1_140_1() async throws {
        try await withRegistry(clock: SteppingClock("2026-07-01")) { registry in
            let ministry = try await registry.connect()
            let almaty = try await Self.district(registry, ministry: ministry)
            let chamber = ProceedingsStub(connection: try await registry.connect(role: "republicanChamber"))
            let leave = WireRecordTemporaryReplacementRequest.with {
                $0.replacedLicense = almaty[1]
                $0.substituteLicense = almaty[2]
                $0.ground = "annualLeave"
                $0.from = "2026-07-06"
                $0.to = "2026-07-24"
                $0.reference = "RC order 45"
            }
            let refused = await #expect(throws: RPCError.self) { _ = try await chamber.recordTemporaryReplacement(leave) }
            #expect(refused?.reason == "SUBSTITUTE_MAY_NOT_PRACTISE")
            #expect(refused?.legalBasis == "140.1")
            #expect(refused?.message.contains("no membership of the Republican Chamber on record") == true)
            var member = leave
            member.substituteLicense = almaty[0]
            #expect(try await chamber.recordTemporaryReplacement(member).replacement.state == "scheduled")
            await ministry.close()
        }
    }

    @Test func otherPaidActivityBarsPracticeWhileItLastsAndSupportsDeprivationAndExpulsion_149_144_2_6_172_1_4() async throws {
        let clock = SteppingClock("2026-04-01")
        try await withRegistry(clock: clock) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            let territorial = ChamberStub(connection: try await registry.connect(role: "territorialBody"))
            let licensing = LicensingStub(connection: ministry)
            let board = ChamberStub(connection: try await registry.connect(role: "republicanChamber"))
            let unproven = await #expect(throws: RPCError.self) {
                _ = try await board.expelMember(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.ground = "otherPaidActivity"
                        $0.decision = "Board 9"
                    })
            }
            #expect(unproven?.reason == "NO_OTHER_PAID_ACTIVITY_ON_RECORD")
            #expect(unproven?.legalBasis == "172-1(4)")

            let teaching = try await territorial.recordOtherPaidActivity(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.kind = "teaching"
                    $0.from = "2026-03-10"
                    $0.description_p = "lectures at KazNU"
                    $0.source = "inspection act 4"
                }
            ).activity
            #expect(teaching.allowed)
            #expect(try await licensing.mayPractise(.with { $0.licenseNumber = almaty[0] }).mayPractise)
            #expect(try await ProposalsStub(connection: ministry).runMonitors(WireRunMonitorsRequest()).drafts.isEmpty)

            _ = try await territorial.recordOtherPaidActivity(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.kind = "other"
                    $0.from = "2026-03-20"
                    $0.to = "2026-05-01"
                    $0.description_p = "paid director of a trading company"
                    $0.source = "inspection act 5"
                })
            let barred = try await licensing.mayPractise(.with { $0.licenseNumber = almaty[0] })
            #expect(!barred.mayPractise)
            #expect(barred.conditions.first { $0.condition == "noOtherPaidActivity" }?.legalBasis == "149")
            let drafts = try await ProposalsStub(connection: ministry).runMonitors(WireRunMonitorsRequest()).drafts
            #expect(drafts.map(\.ground) == ["d144_2_6"])
            #expect(drafts.first?.author == .territorialBody)
            #expect(try await ProposalsStub(connection: ministry).runMonitors(WireRunMonitorsRequest()).drafts.isEmpty)
            // Ended: he may practise again from that day.
            #expect(
                try await licensing.mayPractise(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.atMs = SteppingClock.moment("2026-05-02", 10, 0).millisecondsSinceEpoch
                    }
                ).mayPractise)

            let expelled = try await board.expelMember(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.ground = "otherPaidActivity"
                    $0.decision = "Board 10"
                }
            ).membership
            #expect(expelled.expulsionLegalBasis == "172-1(4)")

            let badKind = await #expect(throws: RPCError.self) {
                _ = try await territorial.recordOtherPaidActivity(
                    .with {
                        $0.licenseNumber = almaty[1]
                        $0.kind = "trading"
                        $0.from = "2026-03-20"
                        $0.description_p = "x"
                        $0.source = "y"
                    })
            }
            #expect(badKind?.legalBasis == "149")
            await ministry.close()
        }
    }

    @Test func theMinistryImportsTheRecordsOfEarlierBailiffsEachCheckedAsItsOwnMethodChecksIt_167() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, astana) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry, records: [])
            let licensing = LicensingStub(connection: ministry)
            #expect(try await licensing.mayPractise(.with { $0.licenseNumber = almaty[0] }).mayPractise == false)

            var records = Sample.practiceRecords(almaty[0], district: "almaty-city", from: "2026-03-03")
            var early = Sample.practiceRecords(astana, district: "astana", from: "2026-03-01")  // before the license of 2026-03-03
            early[1].insurance.concludedOn = "2026-03-03"
            records += [early[0], early[1], WirePracticeRecord()]
            var request = WireImportPracticeRecordsRequest()
            request.records = records
            let noSource = await #expect(throws: RPCError.self) {
                _ = try await ChamberStub(connection: ministry).importPracticeRecords(request)
            }
            #expect(noSource?.code == .invalidArgument)
            request.historicalSource = "Chamber member list of 2026-03-31"
            let chamber = await #expect(throws: RPCError.self) {
                _ = try await ChamberStub(connection: try await registry.connect(role: "republicanChamber")).importPracticeRecords(request)
            }
            #expect(chamber?.code == .permissionDenied)

            let result = try await ChamberStub(connection: ministry).importPracticeRecords(request)
            #expect(result.accepted == 4)
            #expect(result.refused.map(\.index) == [3, 5])
            #expect(result.refused.first?.legalBasis == "140.1")  // admitted before the license was issued
            #expect(try await licensing.mayPractise(.with { $0.licenseNumber = almaty[0] }).mayPractise)
            // The same list again changes nothing: each record is already there.
            let again = try await ChamberStub(connection: ministry).importPracticeRecords(request)
            #expect(again.accepted == 0)

            // The territorial body registers bailiffs of its own district only.
            let territorial = ChamberStub(connection: try await registry.connect(role: "territorialBody"))
            let other = await #expect(throws: RPCError.self) {
                _ = try await territorial.recordAccountingRegistration(
                    .with {
                        $0.licenseNumber = astana
                        $0.reference = "TB-A1"
                    })
            }
            #expect(other?.code == .permissionDenied)
            await ministry.close()
        }
    }
}
