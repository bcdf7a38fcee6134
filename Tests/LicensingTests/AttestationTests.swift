import Enforcement
import Licensing
import Testing

@Suite("Attestation sessions, Art. 141-1.5–11")
struct AttestationTests {
    static let session = AttestationSession(id: 1, region: "almaty-city", heldOn: Fixture.date("2026-06-15"), details: "TB hall, 10:00", minutes: nil)
    static func seat() -> SessionSeat {
        SessionSeat(id: 1, applicationID: 1, sessionID: 1, language: .kk, notifiedOn: Fixture.date("2026-06-01"), outcome: nil,
                    testPassed: nil, interviewPassed: nil, decidedOn: nil, reasons: nil)
    }

    @Test func theNoticeReachesTheCandidateAtLeastTenCalendarDaysBefore_141_1_5() {
        #expect(Fixture.refusal { try Self.session.checkNotice(sentOn: Fixture.date("2026-06-05")) } == nil)
        #expect(Fixture.refusal { try Self.session.checkNotice(sentOn: Fixture.date("2026-06-06")) }?.article == "141-1.5")
    }

    @Test func theDecisionComesNoLaterThanTheNextDayAndPassingNeedsBothStages_141_1_7_9() throws {
        #expect(try Self.seat().decided(testPassed: true, interviewPassed: true, removed: false, reasons: "r", on: Fixture.date("2026-06-16"), session: Self.session).outcome == .passed)
        #expect(try Self.seat().decided(testPassed: true, interviewPassed: false, removed: false, reasons: "r", on: Fixture.date("2026-06-15"), session: Self.session).outcome == .notPassed)
        #expect(Fixture.refusal { try Self.seat().decided(testPassed: true, interviewPassed: true, removed: false, reasons: "r", on: Fixture.date("2026-06-17"), session: Self.session) }?.article == "141-1.9")
    }

    @Test func aRemovedCandidateMayApplyAgainOnlyThreeMonthsAfterTheDecision_141_1_10() {
        let removed = AttestationApplication(id: 1, candidate: Fixture.iin(), region: "almaty-city", receivedOn: Fixture.date("2026-04-01"),
                                             returnDueOn: Fixture.date("2026-04-08"), decisionDueOn: Fixture.date("2026-04-22"), status: .removed,
                                             decidedOn: Fixture.date("2026-06-15"), reasons: "used a phone", legalBasis: "141-1.10", late: false)
        let internship = Internship(id: 1, intern: Fixture.iin(), host: LicenseNumber("2020-000001")!, startedOn: Fixture.date("2025-01-01"),
                                    status: .completed, endedOn: Fixture.date("2025-12-01"), evidence: "c")
        let before = Fixture.refusal {
            try AttestationApplication.submit(by: Fixture.person(), region: "almaty-city", receivedOn: Fixture.date("2026-09-14"), internships: [internship],
                                              previous: [removed], calendar: WorkingCalendarTests.shipped)
        }
        #expect(before?.article == "141-1.10")
        #expect(before?.retryOn == Fixture.date("2026-09-15"))
        #expect(Fixture.refusal {
            try AttestationApplication.submit(by: Fixture.person(), region: "almaty-city", receivedOn: Fixture.date("2026-09-15"), internships: [internship],
                                              previous: [removed], calendar: WorkingCalendarTests.shipped)
        } == nil)
    }

    @Test func aRegionWithAdmittedCandidatesAndNoSessionInTheQuarterIsFlagged_141_1_6() {
        let flagged = AttestationSession.regionsWithoutSession(Quarter("2026Q2")!, sessions: [Self.session], waitingRegions: ["almaty-city", "astana"])
        #expect(flagged == ["astana"])
    }
}
