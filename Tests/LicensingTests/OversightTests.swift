import Enforcement
import Licensing
import Testing

@Suite("Membership and insurance rules, Art. 140.1, 146, 172-1")
struct OversightTests {
    @Test func theMinimumSumIsAThousandMCIInTheThreeCitiesAndFiveHundredElsewhere_146_2_1() {
        #expect(InsuranceContract.minimumSum(district: "astana", concludedIn: 2026) == Tenge(tiyn: 4_325_000_00))
        #expect(InsuranceContract.minimumSum(district: "shymkent", concludedIn: 2025) == Tenge(tiyn: 3_932_000_00))
        #expect(InsuranceContract.minimumSum(district: "kostanay", concludedIn: 2026) == Tenge(tiyn: 2_162_500_00))
        #expect(InsuranceContract.minimumSum(district: "kostanay", concludedIn: 2027) == nil)
    }

    @Test func aContractCoversItsFirstAndLastDay() {
        let contract = InsuranceContract(id: 1, licenseNumber: LicenseNumber("2026-000001")!, insurer: "I", contractNumber: "C", concludedOn: Fixture.date("2026-01-10"),
                                         validFrom: Fixture.date("2026-01-10"), validTo: Fixture.date("2026-12-31"), sumInsured: Tenge(tiyn: 1))
        #expect(contract.covers(Fixture.date("2026-01-10")) && contract.covers(Fixture.date("2026-12-31")))
        #expect(!contract.covers(Fixture.date("2027-01-01")))
        #expect(PracticeAssessment.insuranceOutcome([], district: "astana", on: Fixture.date("2026-03-01")) == .notRecorded)
    }

    @Test func membershipEndsOnTheDayOfExpulsionAndOnlyAnActiveLicenseIsAdmitted_140_1() throws {
        let license = LicenseTransitionTests.active()
        let membership = try Membership.admit(license, district: "almaty-city", on: Fixture.date("2025-02-01"), decision: "RC 1", existing: [], today: Fixture.date("2026-03-01"))
        let expelled = try membership.expelled(ground: .otherPaidActivity, on: Fixture.date("2026-02-10"), decision: "Board 2", license: license, today: Fixture.date("2026-03-01"))
        #expect(expelled.isActive(on: Fixture.date("2026-02-09")))
        #expect(!expelled.isActive(on: Fixture.date("2026-02-10")))
        #expect(expelled.expulsionGround?.article == "172-1(4)")
        let terminated = try license.terminated(ground: .t144_1_4, reasons: "death", disciplinaryProceedingOpen: false, context: LicenseTransitionTests.at("2026-03-01"))
        #expect(Fixture.refusal { try Membership.admit(terminated, district: "almaty-city", on: Fixture.date("2026-03-01"), decision: "x", existing: [], today: Fixture.date("2026-03-01")) }?.article == "140.1")
    }
}
