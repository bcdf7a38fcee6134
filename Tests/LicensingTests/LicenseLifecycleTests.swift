import Enforcement
import Licensing
import Testing

/// One test per ground of DOMAIN.md §4.1.1 and per transition L2–L7, at fixed dates.
@Suite("License lifecycle: every ground and transition, Art. 143–144")
struct LicenseLifecycleTests {
    let at = LicenseTransitionTests.at
    let territorialBody = ProposalReference(author: .territorialBody, reference: "TB-ALA-2026-4")

    func suspended(on date: String = "2026-03-03") throws -> License {
        try LicenseTransitionTests.active().suspended(
            ground: .s143_2_2, until: Fixture.date("2026-06-03"), reasons: "harm to the parties",
            proposal: territorialBody, context: at(date))
    }

    @Test(arguments: [LicenseGround.s143_2_1, .s143_2_2, .s143_2_3, .s143_2_4, .s143_2_5, .s143_2_6, .sGeneral])
    func eachSuspensionGroundSuspendsUnderItsOwnArticle_143_2(ground: LicenseGround) throws {
        let license = try LicenseTransitionTests.active().suspended(
            ground: ground, until: Fixture.date("2026-04-01"), reasons: "facts",
            proposal: territorialBody, context: at("2026-03-03"))
        #expect(license.status == .suspended)
        #expect(license.history.last?.kind == .suspended)
        #expect(license.history.last?.legalBasis == ground.article)
    }

    @Test(arguments: [LicenseGround.t144_1_1, .t144_1_2, .t144_1_3, .t144_1_4, .t144_1_5, .t144_1_6, .tGeneral])
    func eachTerminationGroundTerminatesUnderItsOwnArticle_144_1(ground: LicenseGround) throws {
        let license = try LicenseTransitionTests.active().terminated(
            ground: ground, reasons: "fact in force", disciplinaryProceedingOpen: true, context: at("2026-03-03"))
        #expect(license.status == .terminated)
        #expect(license.history.last?.legalBasis == ground.article)
    }

    @Test(arguments: [LicenseGround.d144_2_1, .d144_2_2, .d144_2_3, .d144_2_4, .d144_2_5, .d144_2_6, .d144_2_7, .dGeneral])
    func eachDeprivationGroundFoundsAClaimAndTheCourtsDecisionCitesIt_144_2(ground: LicenseGround) throws {
        let claimed = try LicenseTransitionTests.active().withDeprivationClaimFiled(
            ground: ground, reasons: "facts", proposal: Fixture.prosecutorProposal,
            claim: "SMAS 2-1/26", context: at("2026-03-03"))
        #expect(claimed.history.last?.kind == .deprivationClaimFiled)
        #expect(claimed.status == .active)
        let deprived = try claimed.withCourtDecision(
            granted: true, courtAct: "2-1/26", inForceOn: Fixture.date("2026-05-05"), reasons: "", context: at("2026-05-06"))
        #expect(deprived.history.last?.groundCode == ground.rawValue)
        #expect(deprived.history.last?.legalBasis == ground.article)
    }

    @Test func aGroundOfAnotherMeasureIsRefused() {
        #expect(
            Fixture.refusal {
                try LicenseTransitionTests.active().terminated(
                    ground: .s143_2_1, reasons: "x", disciplinaryProceedingOpen: false, context: at("2026-03-03"))
            }?.article == "144.1")
        #expect(
            Fixture.refusal {
                try LicenseTransitionTests.active().withDeprivationClaimFiled(
                    ground: .t144_1_1, reasons: "x", proposal: Fixture.prosecutorProposal, claim: "c", context: at("2026-03-03"))
            }?.article == "144.2")
    }

    @Test func terminationOnOwnApplicationNeedsTheApplicationAndNoProposal_144_5() {
        let license = LicenseTransitionTests.active()
        #expect(
            Fixture.refusal {
                try license.terminated(
                    ground: .tOwnApplication, reasons: "retiring", disciplinaryProceedingOpen: false, context: at("2026-03-03"))
            }?.fieldViolations.first?.field == "application")
        #expect(
            Fixture.refusal {
                try license.terminated(
                    ground: .tOwnApplication, reasons: "retiring", proposal: Fixture.prosecutorProposal, application: "a",
                    disciplinaryProceedingOpen: false, context: at("2026-03-03"))
            }?.article == "144.5")
    }

    @Test func aDeprivationClaimRestsOnARepresentation_144_3() {
        let refused = Fixture.refusal {
            try LicenseTransitionTests.active().withDeprivationClaimFiled(
                ground: .d144_2_2, reasons: "x", proposal: ProposalReference(author: .regionalChamber, reference: " "), claim: "c",
                context: at("2026-03-03"))
        }
        #expect(refused?.article == "144.3")
    }

    @Test func aCourtDecisionNeedsAPendingClaimAndCannotPrecedeIt_144_2() throws {
        let license = LicenseTransitionTests.active()
        #expect(
            Fixture.refusal {
                try license.withCourtDecision(
                    granted: true, courtAct: "2-1/26", inForceOn: Fixture.date("2026-03-03"), reasons: "", context: at("2026-03-04"))
            }?.reason == "NO_CLAIM_PENDING")
        let claimed = try license.withDeprivationClaimFiled(
            ground: .d144_2_6, reasons: "paid job", proposal: Fixture.prosecutorProposal, claim: "c", context: at("2026-03-03"))
        #expect(
            Fixture.refusal {
                try claimed.withCourtDecision(
                    granted: true, courtAct: "2-1/26", inForceOn: Fixture.date("2026-03-02"), reasons: "", context: at("2026-03-04"))
            }?.fieldViolations.first?.field == "in_force_on")
        #expect(
            Fixture.refusal {
                try claimed.withCourtDecision(
                    granted: true, courtAct: "2-1/26", inForceOn: Fixture.date("2026-03-05"), reasons: "", context: at("2026-03-04"))
            }?.fieldViolations.first?.field == "in_force_on")
    }

    @Test func aDismissedClaimIsHistoryAndTheLicenseKeepsItsState() throws {
        let claimed = try suspended().withDeprivationClaimFiled(
            ground: .d144_2_1, reasons: "two violations", proposal: territorialBody, claim: "c", context: at("2026-03-10"))
        let dismissed = try claimed.withCourtDecision(
            granted: false, courtAct: "2-9/26", inForceOn: Fixture.date("2026-05-01"), reasons: "not proven", context: at("2026-05-02"))
        #expect(dismissed.status == .suspended)
        #expect(dismissed.history.last?.kind == .deprivationClaimDismissed)
        #expect(dismissed.history.last?.document == "2-9/26")
        #expect(!dismissed.deprivationClaimPending)
    }

    @Test func refusingReinstatementKeepsTheLicenseSuspendedAndIsRecorded_143_3() throws {
        let refused = try suspended().reinstatementRefused(reasons: "training still not taken", context: at("2026-04-01"))
        #expect(refused.status == .suspended)
        #expect(refused.history.last?.kind == .reinstatementRefused)
        #expect(
            Fixture.refusal { try LicenseTransitionTests.active().reinstatementRefused(reasons: "x", context: at("2026-04-01")) }?.reason
                == "NOT_SUSPENDED")
        // Still the same suspension, with its term, for the L4 alert.
        #expect(refused.currentSuspension?.termEnd == Fixture.date("2026-06-03"))
    }

    @Test func resumptionAfterAMandateAnswersOnlyADeputysSuspension_143_5() throws {
        #expect(
            Fixture.refusal { try suspended().resumedAfterMandate(reasons: "x", context: at("2026-04-01")) }?.reason
                == "NOT_A_DEPUTY_SUSPENSION")
        let deputy = try LicenseTransitionTests.active().suspendedOnOwnApplication(
            application: "app 3", reasons: "maslikhat deputy, full-time", context: at("2026-03-03"))
        #expect(deputy.history.last?.document == "app 3")
        #expect(
            Fixture.refusal {
                try LicenseTransitionTests.active().suspendedOnOwnApplication(application: " ", reasons: "x", context: at("2026-03-03"))
            }?.article == "143.5")
    }

    @Test func aCourtAnnulsASuspensionAndTheLicenseIsActiveFromTheCourtActsDate_143_8() throws {
        let license = try suspended()
        let annulled = try license.annulled(
            entry: 1, courtAct: "3a-77/26", inForceOn: Fixture.date("2026-04-10"), reasons: "the proposal was unfounded",
            context: at("2026-04-15"))
        #expect(annulled.status == .active)
        #expect(annulled.history.count == 3)
        #expect(annulled.history[1].kind == .suspended)  // kept
        #expect(annulled.history.last?.annulsEntry == 1)
        #expect(annulled.history.last?.legalBasis == "143.8")
        #expect(annulled.status(at: LicenseAsOfTests.moment("2026-04-09", 23, 59)) == .suspended)
        #expect(annulled.status(at: LicenseAsOfTests.moment("2026-04-10", 0, 0)) == .active)
    }

    @Test func aCourtAnnulsATerminationOfASuspendedLicenseAndItIsSuspendedAgain_144_6() throws {
        let terminated = try suspended().terminated(
            ground: .t144_1_2, reasons: "verdict", disciplinaryProceedingOpen: false, context: at("2026-04-01"))
        let annulled = try terminated.annulled(
            entry: 2, courtAct: "appeal 1", inForceOn: Fixture.date("2026-05-01"), reasons: "verdict quashed", context: at("2026-05-01"))
        #expect(annulled.status == .suspended)
        #expect(annulled.history.last?.legalBasis == "144.6")
        // The suspension in force is the original one, term and all.
        #expect(annulled.currentSuspension?.termEnd == Fixture.date("2026-06-03"))
    }

    @Test func anAnnulledDeprivationNoLongerBarsANewLicense_140_2_8() throws {
        let claimed = try LicenseTransitionTests.active().withDeprivationClaimFiled(
            ground: .d144_2_2, reasons: "x", proposal: Fixture.prosecutorProposal, claim: "c", context: at("2026-03-03"))
        let deprived = try claimed.withCourtDecision(
            granted: true, courtAct: "2-1/26", inForceOn: Fixture.date("2026-05-05"), reasons: "", context: at("2026-05-06"))
        #expect(deprived.deprivationBarEnd == Fixture.date("2029-05-05"))
        let annulled = try deprived.annulled(
            entry: 2, courtAct: "cassation 8", inForceOn: Fixture.date("2026-09-01"), reasons: "reversed", context: at("2026-09-02"))
        #expect(annulled.status == .active)
        #expect(annulled.deprivationBarEnd == nil)
    }

    @Test func aCourtAnnulsARefusalOfReinstatementAndTheLicenseIsActive_143_8() throws {
        let refused = try suspended().reinstatementRefused(reasons: "not ceased", context: at("2026-04-01"))
        let annulled = try refused.annulled(
            entry: 2, courtAct: "3a-1", inForceOn: Fixture.date("2026-05-01"), reasons: "had ceased", context: at("2026-05-02"))
        #expect(annulled.status == .active)
    }

    @Test func onlyTheDecisionInForceCanBeAnnulled() throws {
        let reinstated = try suspended().reinstated(reasons: "ceased", context: at("2026-04-01"))
        #expect(
            Fixture.refusal {
                try reinstated.annulled(
                    entry: 1, courtAct: "c", inForceOn: Fixture.date("2026-04-02"), reasons: "r", context: at("2026-04-03"))
            }?.reason == "DECISION_SUPERSEDED")
        #expect(
            Fixture.refusal {
                try reinstated.annulled(
                    entry: 2, courtAct: "c", inForceOn: Fixture.date("2026-04-02"), reasons: "r", context: at("2026-04-03"))
            }?.reason == "NOT_APPEALABLE")
        #expect(
            Fixture.refusal {
                try reinstated.annulled(
                    entry: 9, courtAct: "c", inForceOn: Fixture.date("2026-04-02"), reasons: "r", context: at("2026-04-03"))
            }?.fieldViolations.first?.field == "entry")
        let license = try suspended()
        #expect(
            Fixture.refusal {
                try license.annulled(
                    entry: 1, courtAct: "c", inForceOn: Fixture.date("2026-03-02"), reasons: "r", context: at("2026-04-03"))
            }?.fieldViolations.first?.field == "in_force_on")
    }
}
