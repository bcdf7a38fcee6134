import Enforcement
import Licensing
import Testing

/// The MCI of the years the tests use (REFERENCE-DATA.md §3); 2027 is unknown.
let testMCI = MCITable(tengeByYear: [2025: 3_932, 2026: 4_325])

@Suite("Membership and insurance rules, Art. 140.1, 146, 172-1")
struct OversightTests {
    @Test func theMinimumSumIsAThousandMCIInTheThreeCitiesAndFiveHundredElsewhere_146_2_1() {
        #expect(
            InsuranceContract.minimumSum(district: "astana", concludedOn: LocalDate("2026-06-01")!, mci: testMCI)
                == Tenge(tiyn: 4_325_000_00))
        #expect(
            InsuranceContract.minimumSum(district: "shymkent", concludedOn: LocalDate("2025-06-01")!, mci: testMCI)
                == Tenge(tiyn: 3_932_000_00))
        #expect(
            InsuranceContract.minimumSum(district: "kostanay", concludedOn: LocalDate("2026-06-01")!, mci: testMCI)
                == Tenge(tiyn: 2_162_500_00))
        #expect(InsuranceContract.minimumSum(district: "kostanay", concludedOn: LocalDate("2027-06-01")!, mci: testMCI) == nil)
    }

    @Test func theMinimumIsCountedAtTheMCIInForceOnTheContractsDate_146_2_1() {
        // 2020: 2,651 tenge from 1 January, 2,778 from 1 April (REFERENCE-DATA §3).
        let table = MCITable(rates: [
            .init(from: Fixture.date("2020-01-01"), tenge: 2_651), .init(from: Fixture.date("2020-04-01"), tenge: 2_778),
        ])
        #expect(
            InsuranceContract.minimumSum(district: "kostanay", concludedOn: Fixture.date("2020-03-31"), mci: table)
                == Tenge(tiyn: 1_325_500_00))
        #expect(
            InsuranceContract.minimumSum(district: "kostanay", concludedOn: Fixture.date("2020-04-01"), mci: table)
                == Tenge(tiyn: 1_389_000_00))
        // A rate never carries into a year the budget law has not set.
        #expect(InsuranceContract.minimumSum(district: "kostanay", concludedOn: Fixture.date("2021-01-05"), mci: table) == nil)
    }

    @Test func aContractCoversItsFirstAndLastDay() {
        let contract = InsuranceContract(
            id: 1, licenseNumber: LicenseNumber("2026-000001")!, insurer: "I", contractNumber: "C", concludedOn: Fixture.date("2026-01-10"),
            validFrom: Fixture.date("2026-01-10"), validTo: Fixture.date("2026-12-31"), sumInsured: Tenge(tiyn: 1))
        #expect(contract.covers(Fixture.date("2026-01-10")) && contract.covers(Fixture.date("2026-12-31")))
        #expect(!contract.covers(Fixture.date("2027-01-01")))
        #expect(PracticeAssessment.insuranceOutcome([], district: "astana", on: Fixture.date("2026-03-01"), mci: testMCI) == .notRecorded)
    }

    @Test func membershipEndsOnTheDayOfExpulsionAndOnlyAnActiveLicenseIsAdmitted_140_1() throws {
        let license = LicenseTransitionTests.active()
        let membership = try Membership.admit(
            license, district: "almaty-city", on: Fixture.date("2025-02-01"), decision: "RC 1", existing: [],
            today: Fixture.date("2026-03-01"))
        let expelled = try membership.expelled(
            ground: .otherPaidActivity, on: Fixture.date("2026-02-10"), decision: "Board 2", license: license,
            today: Fixture.date("2026-03-01"))
        #expect(expelled.isActive(on: Fixture.date("2026-02-09")))
        #expect(!expelled.isActive(on: Fixture.date("2026-02-10")))
        #expect(expelled.expulsionGround?.article == "172-1(4)")
        let terminated = try license.terminated(
            ground: .t144_1_4, reasons: "death", disciplinaryProceedingOpen: false, context: LicenseTransitionTests.at("2026-03-01"))
        #expect(
            Fixture.refusal {
                try Membership.admit(
                    terminated, district: "almaty-city", on: Fixture.date("2026-03-01"), decision: "x", existing: [],
                    today: Fixture.date("2026-03-01"))
            }?.article == "140.1")
    }
}

@Suite("Monitors: facts that support a ground (148.1.9-1, 146)")
struct MonitorTests {
    static let license = LicenseTransitionTests.active()  // almaty-city, issued 2025-01-15
    static func membership(_ on: String) -> Membership {
        Membership(
            id: 1, licenseNumber: license.number, district: "almaty-city", admittedOn: Fixture.date(on), admissionDecision: "RC 1",
            status: .active, endedOn: nil, expulsionGround: nil, endDecision: nil)
    }

    @Test func trainingIsDueSixMonthsAfterStartingThenEveryThreeYears_148_1_9_1() {
        let start = Fixture.date("2025-02-01")
        #expect(TrainingRecord.due(startedOn: start, records: []) == Fixture.date("2025-08-01"))
        let record = TrainingRecord(
            id: 1, licenseNumber: Self.license.number, completedOn: Fixture.date("2025-07-20"), programme: "P", certificate: "C")
        #expect(TrainingRecord.due(startedOn: start, records: [record]) == Fixture.date("2028-07-20"))
    }

    @Test func anOverdueTrainingIsFoundTheDayAfterItsDueDateAndProposesSuspensionByTheChamber_143_2_5() {
        let onDue = Monitors.findings(
            license: Self.license, memberships: [Self.membership("2025-02-01")], contracts: [], trainings: [], mci: testMCI,
            on: Fixture.date("2025-08-01"))
        #expect(onDue.isEmpty)
        let after = Monitors.findings(
            license: Self.license, memberships: [Self.membership("2025-02-01")], contracts: [], trainings: [], mci: testMCI,
            on: Fixture.date("2025-08-02"))
        #expect(after.map(\.ground) == [.s143_2_5])
        #expect(after.first?.author == .republicanChamber)
        #expect(after.first?.key == "training:2025-000001:2025-08-01")
    }

    @Test func withoutRecordsNothingIsFound() {
        #expect(
            Monitors.findings(
                license: Self.license, memberships: [], contracts: [], trainings: [], mci: testMCI, on: Fixture.date("2030-01-01")
            ).isEmpty)
    }

    @Test func aLapsedOrTooSmallInsuranceIsFound_146() {
        let small = InsuranceContract(
            id: 1, licenseNumber: Self.license.number, insurer: "I", contractNumber: "C", concludedOn: Fixture.date("2026-01-01"),
            validFrom: Fixture.date("2026-01-01"), validTo: Fixture.date("2026-12-31"), sumInsured: Tenge(tiyn: 100_000_00))
        let found = Monitors.findings(
            license: Self.license, memberships: [], contracts: [small], trainings: [], mci: testMCI, on: Fixture.date("2026-03-01"))
        #expect(found.map(\.monitor) == ["monitor:insurance"])
        #expect(found.first?.facts.contains("below the minimum of 1,000 MCI") == true)
    }
}

@Suite("Inspections and violations, Art. 169, 144.2.1")
struct InspectionRuleTests {
    static let license = LicenseNumber("2025-000001")!

    static func violation(_ id: Int64, _ committed: String) -> ViolationRecord {
        ViolationRecord(
            id: id, licenseNumber: license, committedOn: Fixture.date(committed), establishedOn: Fixture.date(committed), source: "s",
            description: "d")
    }

    @Test func twoViolationsCountWhenTheSecondIsWithinSixMonthsOfTheFirst_144_2_1() {
        #expect(ViolationRecord.repeatedWithinSixMonths([Self.violation(1, "2026-01-15"), Self.violation(2, "2026-07-14")])?.1.id == 2)
        #expect(ViolationRecord.repeatedWithinSixMonths([Self.violation(1, "2026-01-15"), Self.violation(2, "2026-07-15")]) == nil)
        #expect(ViolationRecord.repeatedWithinSixMonths([Self.violation(1, "2026-01-15")]) == nil)
    }

    @Test func theFirstPlannedInspectionFallsBetweenSixAndTwelveMonthsAfterTheStart_169_4() {
        let start = Fixture.date("2026-01-10")
        let schedule = { (date: String) in
            Fixture.refusal {
                try Inspection.schedule(
                    .plannedFirst, license: Self.license, on: Fixture.date(date), startedOn: start, existing: [],
                    inspectedBy: "tb", mayInspectUnscheduled: true, trigger: "")
            }
        }
        #expect(schedule("2026-07-09")?.reason == "OUTSIDE_FIRST_INSPECTION_WINDOW")
        #expect(schedule("2026-07-10") == nil)
        #expect(schedule("2027-01-10") == nil)
        #expect(schedule("2027-01-11")?.article == "169.4")
    }

    @Test func documentsAreDueInAtLeastFiveWorkingDays_169_5() {
        // Requested Friday 20 March 2026; Nauryz days off 23–25 March: the fifth working day is 1 April.
        #expect(
            Fixture.refusal {
                try Inspection.checkDocumentRequest(
                    sentOn: Fixture.date("2026-03-20"), dueOn: Fixture.date("2026-03-31"), calendar: WorkingCalendarTests.shipped)
            }?.reason == "DOCUMENT_TERM_TOO_SHORT")
        #expect(
            Fixture.refusal {
                try Inspection.checkDocumentRequest(
                    sentOn: Fixture.date("2026-03-20"), dueOn: Fixture.date("2026-04-01"), calendar: WorkingCalendarTests.shipped)
            } == nil)
    }
}

@Suite("Penalties and dues, Art. 170, 148.1.5-2, 172-1(3)")
struct PenaltyAndDuesTests {
    @Test func aPenaltyIsSpentSixMonthsAfterItWasImposedUnlessANewOneCame_170_4() {
        let first = (on: Fixture.date("2026-01-10"), penalty: DisciplinaryPenalty.warning)
        #expect(DisciplinaryPenalty.inForce([first], on: Fixture.date("2026-07-09")).count == 1)
        #expect(DisciplinaryPenalty.inForce([first], on: Fixture.date("2026-07-10")).isEmpty)
        let second = (on: Fixture.date("2026-05-01"), penalty: DisciplinaryPenalty.reprimand)
        #expect(DisciplinaryPenalty.inForce([first, second], on: Fixture.date("2026-08-01")).map(\.penalty) == [.warning, .reprimand])
        #expect(DisciplinaryPenalty.inForce([first, second], on: Fixture.date("2026-11-01")).isEmpty)
        #expect(DisciplinaryPenalty.expulsion.article == "170.1.4")
    }

    @Test func quartersInArrearsCountFromTheAdmissionQuarterExceptExemptOnes_148_1_5_2() {
        let admitted = Fixture.date("2026-02-15")
        let paid: Set<Quarter> = [Quarter("2026Q1")!]
        #expect(
            Dues.arrears(admittedOn: admitted, paid: paid, exemptions: [], on: Fixture.date("2026-09-30")).map(\.description) == ["2026Q2"])
        #expect(
            Dues.arrears(admittedOn: admitted, paid: paid, exemptions: [], on: Fixture.date("2026-10-01")).map(\.description) == [
                "2026Q2", "2026Q3",
            ])
        let leave = Dues.Exemption(reason: .childCare, from: Fixture.date("2026-06-01"), to: Fixture.date("2029-06-01"))
        #expect(Dues.arrears(admittedOn: admitted, paid: paid, exemptions: [leave], on: Fixture.date("2026-10-01")).isEmpty)
        #expect(Quarter("2026Q4")?.lastDay == Fixture.date("2026-12-31"))
        #expect(Quarter("2026Q5") == nil)
    }

    @Test func twoQuartersInArrearsFindTheSuspensionGroundOf143_2_6() {
        let license = LicenseTransitionTests.active()
        let membership = Membership(
            id: 1, licenseNumber: license.number, district: "almaty-city", admittedOn: Fixture.date("2026-02-15"), admissionDecision: "RC",
            status: .active, endedOn: nil, expulsionGround: nil, endDecision: nil)
        let found = Monitors.findings(
            license: license, memberships: [membership], contracts: [],
            trainings: [
                TrainingRecord(
                    id: 1, licenseNumber: license.number, completedOn: Fixture.date("2026-06-01"), programme: "p", certificate: "c")
            ],
            duesPaid: [Quarter("2026Q1")!], mci: testMCI, on: Fixture.date("2026-10-01"))
        #expect(found.map(\.ground) == [.s143_2_6])
        #expect(found.first?.key == "dues:2025-000001:2026Q2:2026Q3")
    }
}

@Suite("The inspection schedule, Art. 169.4")
struct InspectionScheduleTests {
    static let license = LicenseNumber("2025-000001")!

    static func inspection(_ kind: Inspection.Kind, _ on: String) -> Inspection {
        Inspection(
            id: 1, licenseNumber: license, kind: kind, scheduledOn: Fixture.date(on), inspectedBy: "tb", trigger: "schedule",
            status: .completed, completedOn: Fixture.date(on), findings: "none")
    }

    @Test func theFirstIsDueBetweenSixAndTwelveMonthsThenOnePerCalendarYear() {
        let start = Fixture.date("2025-03-01")
        let first = Inspection.nextPlanned(startedOn: start, inspections: [], on: Fixture.date("2025-10-01"))
        #expect(first.kind == .plannedFirst && first.earliest == Fixture.date("2025-09-01") && first.latest == Fixture.date("2026-03-01"))
        #expect(first.isOverdue(on: Fixture.date("2026-03-02")))
        let annual = Inspection.nextPlanned(
            startedOn: start, inspections: [Self.inspection(.plannedFirst, "2025-11-10")], on: Fixture.date("2026-05-01"))
        #expect(annual.kind == .plannedAnnual && annual.latest == Fixture.date("2026-12-31"))
        let missed = Inspection.nextPlanned(
            startedOn: start, inspections: [Self.inspection(.plannedFirst, "2025-11-10")], on: Fixture.date("2027-02-01"))
        #expect(missed.isOverdue(on: Fixture.date("2027-02-01")))
        let done = Inspection.nextPlanned(
            startedOn: start, inspections: [Self.inspection(.plannedFirst, "2025-11-10"), Self.inspection(.plannedAnnual, "2026-06-01")],
            on: Fixture.date("2026-08-01"))
        #expect(done.earliest == Fixture.date("2027-01-01"))
    }
}
