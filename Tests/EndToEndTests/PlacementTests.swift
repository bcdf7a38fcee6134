import Enforcement
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// Territory (142.4, 163-1.1.3-2; DOMAIN.md §9.5-5): the license is general; the bailiff's
/// district is the Chamber's placement, which can change without a new license.
@Suite("End to end: placement by the Chamber", .serialized)
struct PlacementTests {
    @Test func theChamberRePlacesABailiffWithoutANewLicenseAndWhatHeHeldGoesToTheOldDistrict_142_4_163_1_1_3_2() async throws {
        try await withRegistry(clock: SteppingClock("2026-04-01")) { registry in
            let ministry = try await registry.connect()
            let (almaty, astana) = try await TransferTests.bailiffs(registry, almaty: 2, ministry: ministry)
            let proceedings = ProceedingsStub(connection: ministry)
            _ = try await proceedings.importProceedings(
                .with {
                    $0.proceedings = [
                        TransferTests.record("P-1", holder: almaty[0]),
                        {
                            var r = TransferTests.record("A-1", holder: astana)
                            r.debtorDistrict = "astana"
                            return r
                        }(),
                    ]
                })
            let board = ChamberStub(connection: try await registry.connect(role: "republicanChamber"))
            let placed = try await board.placeMember(
                .with {
                    $0.licenseNumber = almaty[0]
                    $0.district = "astana"
                    $0.decision = "Board 21"
                }
            ).membership
            #expect(placed.district == "astana")
            let license = try await LicensingStub(connection: ministry).getLicense(.with { $0.number = almaty[0] }).license
            #expect(license.number == almaty[0] && license.status == .active && license.district == "astana")
            let twice = await #expect(throws: RPCError.self) {
                _ = try await board.placeMember(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.district = "astana"
                        $0.decision = "Board 22"
                    })
            }
            #expect(twice?.reason == "ALREADY_PLACED_THERE")

            // What he held in Almaty goes to an Almaty bailiff; no freeze, no funds move: his license stands.
            _ = try await TransferCombinationTests.drain(registry)
            #expect(try await proceedings.getProceeding(.with { $0.number = "P-1" }).proceeding.holder == "bailiff:\(almaty[1])")
            #expect(try await TransferCombinationTests.outbox("action.account_freeze", registry).isEmpty)

            // Astana's cases may now come to him; Almaty's bodies no longer act on him.
            _ = try await LicensingStub(connection: ministry).suspendLicense(LicenseLifecycleTests.suspension(astana, until: "2026-06-30"))
            _ = try await TransferCombinationTests.drain(registry)
            #expect(try await proceedings.getProceeding(.with { $0.number = "A-1" }).proceeding.holder == "bailiff:\(almaty[0])")
            let almatyBody = ChamberStub(connection: try await registry.connect(role: "territorialBody"))
            let other = await #expect(throws: RPCError.self) {
                _ = try await almatyBody.recordAccountingRegistration(
                    .with {
                        $0.licenseNumber = almaty[0]
                        $0.reference = "TB-X"
                    })
            }
            #expect(other?.reason == "OTHER_REGION")
            await ministry.close()
        }
    }
}
