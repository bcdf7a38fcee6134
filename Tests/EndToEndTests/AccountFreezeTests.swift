import Enforcement
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// The 123.4 account-freeze order (DOMAIN.md §9.5-7): on every event 123.4 names, whatever the
/// caseload, with its issuer, and revoked by that issuer when the ground falls away (123.5).
@Suite("End to end: the account freeze of 123.4", .serialized)
struct AccountFreezeTests {
    @Test func leavingTheChamberAtHisOwnWillFreezesTheAccountByTheTerritorialBodyOfHisDistrict_123_4() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            let board = ChamberStub(connection: try await registry.connect(role: "republicanChamber"))
            _ = try await board.leaveChamber(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.application = "application 3"
                })
            let freezes = try await TransferCombinationTests.outbox("action.account_freeze", registry)
            #expect(freezes.count == 1)  // he held no proceeding, and the order is still made
            #expect(freezes.first?.contains(#""trigger":"left""#) == true)
            #expect(freezes.first?.contains(#""issuer":"territorialBody/region/almaty-city""#) == true)
            await ministry.close()
        }
    }

    @Test func aReinstatementRevokesTheFreezeByTheBodyThatIssuedIt_123_5() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 1, ministry: ministry)
            let licensing = LicensingStub(connection: ministry)
            _ = try await licensing.suspendLicense(LicenseLifecycleTests.suspension(almaty[0], until: "2026-06-30"))
            #expect(try await TransferCombinationTests.outbox("action.account_freeze_revoked", registry).isEmpty)
            _ = try await licensing.reinstateLicense(
                .with {
                    $0.number = almaty[0]
                    $0.reasons = "trained"
                })
            let revoked = try await TransferCombinationTests.outbox("action.account_freeze_revoked", registry)
            #expect(revoked.count == 1)
            #expect(revoked.first?.contains(#""issuer":"territorialBody/region/almaty-city""#) == true)
            #expect(revoked.first?.contains(#""legal_basis":"123.5""#) == true)
            await ministry.close()
        }
    }

    @Test func theFundsMoveOnlyOnALicenseDecisionNotWhenHeLeavesTheChamber_123_6_1() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, _) = try await TransferTests.bailiffs(registry, almaty: 3, ministry: ministry)
            _ = try await ProceedingsStub(connection: ministry).importProceedings(
                .with {
                    $0.proceedings = [TransferTests.record("F-1", holder: almaty[0]), TransferTests.record("F-2", holder: almaty[1])]
                })
            let board = ChamberStub(connection: try await registry.connect(role: "republicanChamber"))
            _ = try await board.leaveChamber(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.application = "application 4"
                })
            _ = try await TransferCombinationTests.drain(registry)
            #expect(try await TransferCombinationTests.outbox("action.funds_move", registry).isEmpty)
            #expect(try await TransferCombinationTests.outbox("notification.party", registry).count == 2)  // 143.6 still applies

            _ = try await LicensingStub(connection: ministry).suspendLicense(
                LicenseLifecycleTests.suspension(almaty[1], until: "2026-06-30"))
            _ = try await TransferCombinationTests.drain(registry)
            let moved = try await TransferCombinationTests.outbox("action.funds_move", registry)
            #expect(moved.count == 1)
            #expect(moved.first?.contains(#""proceeding":"F-2""#) == true)
            await ministry.close()
        }
    }
}
