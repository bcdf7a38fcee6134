import Enforcement
import Licensing
import Testing

/// The deadlines and notices a decision sets (143.7, 148.1.9-2, 162.1.2-3) and `mayPractise` (§5.4).
@Suite("Effects of license decisions")
struct LicenseEffectsTests {
    let calendar = WorkingCalendarTests.shipped

    @Test func aSuspensionOnTheEveOfNaurizSetsHandOverDeadlinesAfterTheHolidays_148_1_9_2_162_1_2_3() throws {
        // Friday 20 March 2026; 21–25 March are Nauryz days off (23, 24, 25 on weekdays).
        let suspended = try LicenseTransitionTests.active().suspended(
            ground: .s143_2_4, until: Fixture.date("2026-06-19"), reasons: "outside district",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"),
            context: LicenseTransitionTests.at("2026-03-20"))
        let deadlines = try suspended.deadlinesOfLastDecision(calendar: calendar)
        let byKind = Dictionary(uniqueKeysWithValues: deadlines.map { ($0.kind, $0) })
        #expect(byKind[.bailiffHandover]?.dueOn == Fixture.date("2026-03-30"))
        #expect(byKind[.chamberTransferMeasures]?.dueOn == Fixture.date("2026-03-30"))
        #expect(byKind[.chamberTransferMeasures]?.owner == "regionalChamber:almaty-city")
        #expect(byKind[.suspensionTermReview]?.dueOn == Fixture.date("2026-06-19"))
        #expect(byKind[.suspensionTermReview]?.isOverdue(on: Fixture.date("2026-06-20")) == true)
        #expect(byKind[.suspensionTermReview]?.isOverdue(on: Fixture.date("2026-06-19")) == false)
    }

    @Test func aReinstatementSetsNoHandOverButIsNotifiedToTheBailiffAndTheChamber_143_7() throws {
        let suspended = try LicenseTransitionTests.active().suspended(
            ground: .s143_2_5, until: Fixture.date("2026-06-01"), reasons: "training",
            proposal: ProposalReference(author: .republicanChamber, reference: "RC-1"),
            context: LicenseTransitionTests.at("2026-03-03"))
        #expect(
            suspended.noticesOfLastDecision.map(\.recipient) == ["bailiff:2025-000001", "republicanChamber", "regionalChamber:almaty-city"])
        let reinstated = try suspended.reinstated(reasons: "trained", context: LicenseTransitionTests.at("2026-04-01"))
        #expect(try reinstated.deadlinesOfLastDecision(calendar: calendar).isEmpty)
        #expect(reinstated.noticesOfLastDecision.map(\.recipient) == ["bailiff:2025-000001", "republicanChamber"])
        #expect(reinstated.noticesOfLastDecision.allSatisfy { $0.article == "143.7" })
    }

    @Test func aBailiffMayNotPractiseFromTheSuspensionMoment_143_4() throws {
        let moment = LicenseAsOfTests.moment("2026-03-03", 14, 5)
        let suspended = try LicenseTransitionTests.active().suspended(
            ground: .s143_2_2, until: Fixture.date("2026-06-01"), reasons: "harm",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"),
            context: DecisionContext(actor: "m", requestID: "r", now: moment))
        let records = Dictionary(
            uniqueKeysWithValues: PracticeCondition.allCases.filter { $0 != .licenseActive }.map { ($0, PracticeAssessment.Outcome.met) })
        let before = PracticeAssessment.assess(licenses: [suspended], at: LicenseAsOfTests.moment("2026-03-03", 14, 4), recorded: records)
        #expect(before.mayPractise)
        // Missing data is not compliance (§9.5-6): without the records he may not, and the answer says what is missing.
        let unrecorded = PracticeAssessment.assess(licenses: [suspended], at: LicenseAsOfTests.moment("2026-03-03", 14, 4))
        #expect(!unrecorded.mayPractise)
        #expect(unrecorded.blockers.map(\.reason).contains("no professional liability insurance contract on record"))
        let after = PracticeAssessment.assess(licenses: [suspended], at: moment, recorded: records)
        #expect(!after.mayPractise)
        #expect(PracticeAssessment.assess(licenses: [], at: moment).mayPractise == false)
        let uninsured = PracticeAssessment.assess(
            licenses: [suspended], at: LicenseAsOfTests.moment("2026-03-01", 9, 0), recorded: [.insurance: .notMet("no contract")])
        #expect(!uninsured.mayPractise)
    }
}
