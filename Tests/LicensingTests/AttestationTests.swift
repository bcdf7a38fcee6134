import Enforcement
import Licensing
import Testing

@Suite("Attestation sessions, Art. 141-1.5–11")
struct AttestationTests {
    static let session = AttestationSession(
        id: 1, region: "almaty-city", heldOn: Fixture.date("2026-06-15"), details: "TB hall, 10:00", minutes: nil)
    static func seat() -> SessionSeat {
        SessionSeat(
            id: 1, applicationID: 1, sessionID: 1, language: .kk, notifiedOn: Fixture.date("2026-06-01"), outcome: nil,
            testPassed: nil, interviewPassed: nil, decidedOn: nil, reasons: nil)
    }

    @Test func theNoticeReachesTheCandidateAtLeastTenCalendarDaysBefore_141_1_5() {
        #expect(Fixture.refusal { try Self.session.checkNotice(sentOn: Fixture.date("2026-06-05")) } == nil)
        #expect(Fixture.refusal { try Self.session.checkNotice(sentOn: Fixture.date("2026-06-06")) }?.article == "141-1.5")
    }

    @Test func theDecisionComesNoLaterThanTheNextDayAndPassingNeedsBothStages_141_1_7_9() throws {
        #expect(
            try Self.seat().decided(
                testPassed: true, interviewPassed: true, removed: false, reasons: "r", on: Fixture.date("2026-06-16"), session: Self.session
            ).outcome == .passed)
        #expect(
            try Self.seat().decided(
                testPassed: true, interviewPassed: false, removed: false, reasons: "r", on: Fixture.date("2026-06-15"),
                session: Self.session
            ).outcome == .notPassed)
        #expect(
            Fixture.refusal {
                try Self.seat().decided(
                    testPassed: true, interviewPassed: true, removed: false, reasons: "r", on: Fixture.date("2026-06-17"),
                    session: Self.session)
            }?.article == "141-1.9")
    }

    @Test func aRemovedCandidateMayApplyAgainOnlyThreeMonthsAfterTheDecision_141_1_10() throws {
        let removed = AttestationApplication(
            id: 1, candidate: Fixture.iin(), region: "almaty-city", receivedOn: Fixture.date("2026-04-01"),
            returnDueOn: Fixture.date("2026-04-08"), decisionDueOn: Fixture.date("2026-04-22"), status: .removed,
            decidedOn: Fixture.date("2026-06-15"), reasons: "used a phone", legalBasis: "141-1.10", late: false)
        let internship = Internship(
            id: 1, intern: Fixture.iin(), host: LicenseNumber("2020-000001")!, startedOn: Fixture.date("2025-01-01"),
            status: .completed, endedOn: Fixture.date("2025-12-01"), evidence: "c")
        // Registered and refused with its reasons (141-1.4), not turned away.
        let before = try AttestationApplication.submit(
            by: Fixture.person(), region: "almaty-city", receivedOn: Fixture.date("2026-09-14"), internships: [internship],
            previous: [removed], calendar: WorkingCalendarTests.shipped)
        #expect(before.status == .refused && before.legalBasis == "141-1.10")
        #expect(before.reasons?.contains("possible from 2026-09-15") == true)
        let after = try AttestationApplication.submit(
            by: Fixture.person(), region: "almaty-city", receivedOn: Fixture.date("2026-09-15"), internships: [internship],
            previous: [removed], calendar: WorkingCalendarTests.shipped)
        #expect(after.status == .submitted)
    }

    @Test func aRegionWithAdmittedCandidatesAndNoSessionInTheQuarterIsFlagged_141_1_6() {
        let flagged = AttestationSession.regionsWithoutSession(
            Quarter("2026Q2")!, sessions: [Self.session], waitingRegions: ["almaty-city", "astana"])
        #expect(flagged == ["astana"])
    }
}

@Suite("Exemptions from internship and attestation, Art. 142.5")
struct ExemptionRuleTests {
    static func exemption(
        _ ground: ExemptionGround, evidence: String = "documents", service: [(String, String)] = [], release: String? = nil,
        position: String? = nil
    ) -> Exemption {
        let named = position ?? (ground == .prosecutorOrInvestigator ? "investigator" : "stateBailiff")
        return Exemption(
            id: 0, person: Fixture.iin(), ground: ground, evidence: evidence,
            service: service.map { Exemption.Service(from: Fixture.date($0.0), to: Fixture.date($0.1), position: named) },
            releaseGround: release)
    }

    @Test func theQualificationExamNeedsItsDocuments_142_5_1() {
        #expect(Fixture.refusal { try Self.exemption(.qualificationExam, evidence: " ").validated() }?.article == "142.5.1")
        #expect(
            Fixture.refusal { try Self.exemption(.qualificationExam, evidence: "exam 12, court internship 3, opinion 7").validated() }
                == nil)
    }

    @Test func aSittingOrHonourablyReleasedJudgeIsExemptButNotOneReleasedOn34_1_11_142_5_2() {
        #expect(Fixture.refusal { try Self.exemption(.judge).validated() } == nil)
        #expect(Fixture.refusal { try Self.exemption(.judge, release: "ConstLaw 34.1(3)").validated() } == nil)
        #expect(Fixture.refusal { try Self.exemption(.judge, release: "34.1(11)").validated() }?.reason == "RELEASE_GROUND_NOT_EXEMPT")
    }

    @Test func fiveYearsAsProsecutorOrInvestigatorCountedOnTheCalendar_142_5_3() {
        #expect(
            Fixture.refusal { try Self.exemption(.prosecutorOrInvestigator, service: [("2016-02-01", "2021-01-30")]).validated() }?.article
                == "142.5.3")
        #expect(
            Fixture.refusal { try Self.exemption(.prosecutorOrInvestigator, service: [("2016-02-01", "2021-01-31")]).validated() } == nil)
    }

    @Test func twoYearsInStateEnforcementBodies_142_5_4() {
        #expect(
            Fixture.refusal { try Self.exemption(.stateEnforcementService, service: [("2022-03-01", "2024-02-28")]).validated() }?.article
                == "142.5.4")
        #expect(
            Fixture.refusal { try Self.exemption(.stateEnforcementService, service: [("2022-03-01", "2024-02-29")]).validated() } == nil)
    }

    @Test func overlappingPeriodsOfServiceCountOnce_142_5_3() {
        // Two records of the same years (an investigator seconded to the prosecutor's office) are not ten years.
        let twice = Self.exemption(
            .prosecutorOrInvestigator, service: [("2019-01-01", "2021-12-31"), ("2019-01-01", "2021-12-31"), ("2021-06-01", "2022-12-31")])
        let refusal = Fixture.refusal { try twice.validated() }
        #expect(refusal?.reason == "SERVICE_TOO_SHORT")
        #expect(refusal?.message.contains("4.0 years") == true)
    }

    @Test func onlyThePositionsTheParagraphNamesCount_142_5_3_142_5_4() {
        #expect(
            Fixture.refusal {
                try Self.exemption(.prosecutorOrInvestigator, service: [("2016-02-01", "2021-01-31")], position: "judge").validated()
            }?.reason == "POSITION_NOT_NAMED")
        // A state bailiff's years count for 142.5.4, not for 142.5.3.
        #expect(
            Fixture.refusal {
                try Self.exemption(.prosecutorOrInvestigator, service: [("2016-02-01", "2021-01-31")], position: "stateBailiff").validated()
            }?.article == "142.5.3")
        #expect(
            Fixture.refusal {
                try Self.exemption(.stateEnforcementService, service: [("2022-03-01", "2024-02-29")], position: "stateEnforcementBody")
                    .validated()
            } == nil)
    }
}
