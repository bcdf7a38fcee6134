import Enforcement
import Licensing
import Testing

/// DOMAIN.md §4.1.2, L1–L6, at fixed moments.
@Suite("License lifecycle transitions, Art. 143–144")
struct LicenseTransitionTests {
    static func at(_ date: String) -> DecisionContext {
        DecisionContext(actor: "spiffe://registry.bailiff.kz/role/ministry", requestID: "r", now: Instant(startOf: LocalDate(date)!))
    }

    static func active() -> License { license(issued: "2025-01-15") }

    /// An active license issued on `issued` to `Fixture.person()`.
    static func license(issued: String) -> License {
        let date = LocalDate(issued)!
        return try! License.issue(
            IssueLicense(
                holder: Fixture.iin(), issueDate: date, district: "almaty-city",
                basis: .exemption(.judge, evidence: "order"), licenseFeePaid: true),
            person: Fixture.person(), existing: [], number: LicenseNumber(year: date.year, sequence: 1), context: at(issued)
        )
    }

    func refusal(_ body: () throws -> License) -> Rejection? { Fixture.refusal(body) }

    @Test func aSuspensionNeedsATermOfAtMostSixMonths_143_2() throws {
        let license = Self.active()
        let suspended = try license.suspended(
            ground: .s143_2_4, until: Fixture.date("2026-09-03"), reasons: "acted outside his district",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: Self.at("2026-03-03"))
        #expect(suspended.status == .suspended)
        #expect(suspended.history.last?.legalBasis == "143.2.4")
        #expect(suspended.history.last?.termEnd == Fixture.date("2026-09-03"))
        let tooLong = refusal {
            try license.suspended(
                ground: .s143_2_4, until: Fixture.date("2026-09-04"), reasons: "x",
                proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: Self.at("2026-03-03"))
        }
        #expect(tooLong?.article == "143.2")
        #expect(tooLong?.reason == "TERM_OVER_SIX_MONTHS")
    }

    @Test func theSixMonthCapBindsTheEnumeratedCasesNotTheGeneralGrounds_143_2() throws {
        // «…жалпы негіздерден басқа … алты айға дейінгі мерзімге»: the general grounds follow the Law on Permits.
        let general = try Self.active().suspended(
            ground: .sGeneral, until: Fixture.date("2026-12-03"), reasons: "Law on Permits art. 45: unpaid licence fee",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-2"), context: Self.at("2026-03-03"))
        #expect(general.history.last?.termEnd == Fixture.date("2026-12-03"))
        // A term is still mandatory and must end after the decision (143.3).
        #expect(
            refusal {
                try Self.active().suspended(
                    ground: .sGeneral, until: Fixture.date("2026-03-03"), reasons: "x",
                    proposal: ProposalReference(author: .territorialBody, reference: "TB-2"), context: Self.at("2026-03-03"))
            }?.article == "143.3")
    }

    @Test func aSuspensionTakesEffectFromTheDecisionMoment_143_4() throws {
        let moment = Instant(
            millisecondsSinceEpoch: Instant(startOf: Fixture.date("2026-03-03")).millisecondsSinceEpoch + 14 * 3_600_000 + 5 * 60_000)
        let context = DecisionContext(actor: "m", requestID: "r", now: moment)
        let suspended = try Self.active().suspended(
            ground: .s143_2_2, until: Fixture.date("2026-06-03"), reasons: "harm to parties",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: context)
        #expect(suspended.history.last?.decidedAt == moment)
        #expect(suspended.history.last?.effectiveDate == Fixture.date("2026-03-03"))
    }

    @Test func aSuspensionStatesItsReasons_143_3() {
        #expect(
            refusal {
                try Self.active().suspended(
                    ground: .s143_2_1, until: Fixture.date("2026-05-01"), reasons: "  ",
                    proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: Self.at("2026-03-03"))
            }?.article == "143.3")
    }

    @Test func aSuspendedLicenseCannotBeSuspendedAgain_143_1() throws {
        let suspended = try Self.active().suspended(
            ground: .s143_2_5, until: Fixture.date("2026-05-01"), reasons: "no training",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: Self.at("2026-03-03"))
        #expect(
            refusal {
                try suspended.suspended(
                    ground: .s143_2_6, until: Fixture.date("2026-06-01"), reasons: "x",
                    proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: Self.at("2026-03-04"))
            }?.code == .failedPrecondition)
    }

    @Test func aDeputySuspensionHasNoSixMonthCapAndEndsByReinstatement_143_5() throws {
        let suspended = try Self.active().suspendedOnOwnApplication(
            application: "application of 2026-03-02", reasons: "elected to the Mazhilis", context: Self.at("2026-03-03"))
        #expect(suspended.history.last?.groundCode == "sDeputy143_5")
        #expect(suspended.history.last?.termEnd == nil)
        #expect(!suspended.suspensionTermElapsed(on: Fixture.date("2030-01-01")))
        #expect(
            refusal { try suspended.reinstated(reasons: "mandate ended", context: Self.at("2031-02-01")) }?.reason == "DEPUTY_SUSPENSION")
        let back = try suspended.resumedAfterMandate(reasons: "mandate ended", context: Self.at("2031-02-01"))
        #expect(back.status == .active)
        #expect(back.history.last?.legalBasis == "143.5")
    }

    @Test func onlyASuspendedLicenseIsReinstated_143_3() {
        #expect(refusal { try Self.active().reinstated(reasons: "x", context: Self.at("2026-03-03")) }?.reason == "NOT_SUSPENDED")
    }

    @Test func anElapsedTermRaisesAnAlertButDoesNotLapse_9_1_3() throws {
        let suspended = try Self.active().suspended(
            ground: .s143_2_3, until: Fixture.date("2026-04-03"), reasons: "refused a document",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: Self.at("2026-03-03"))
        #expect(!suspended.suspensionTermElapsed(on: Fixture.date("2026-04-03")))
        #expect(suspended.suspensionTermElapsed(on: Fixture.date("2026-04-04")))
        #expect(suspended.status == .suspended)
    }

    @Test func terminationOnOwnApplicationIsRefusedWhileADisciplinaryProceedingIsOpen_144_5() throws {
        let license = Self.active()
        let refused = refusal {
            try license.terminated(
                ground: .tOwnApplication, reasons: "retiring", application: "application 12", disciplinaryProceedingOpen: true,
                context: Self.at("2026-03-03"))
        }
        #expect(refused?.article == "144.5")
        let done = try license.terminated(
            ground: .tOwnApplication, reasons: "retiring", application: "application 12", disciplinaryProceedingOpen: false,
            context: Self.at("2026-03-03"))
        #expect(done.status == .terminated)
    }

    @Test func aSuspendedLicenseCanBeTerminatedAndTerminationIsFinal_144_1() throws {
        let suspended = try Self.active().suspended(
            ground: .s143_2_1, until: Fixture.date("2026-05-01"), reasons: "suspect",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: Self.at("2026-03-03"))
        let terminated = try suspended.terminated(
            ground: .t144_1_2, reasons: "verdict in force", disciplinaryProceedingOpen: false, context: Self.at("2026-04-01"))
        #expect(terminated.history.last?.legalBasis == "144.1.2")
        let again = refusal {
            try terminated.suspended(
                ground: .s143_2_2, until: Fixture.date("2026-06-01"), reasons: "x",
                proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: Self.at("2026-04-02"))
        }
        #expect(again?.reason == "LICENSE_FINAL")
        #expect(refusal { try terminated.reinstated(reasons: "x", context: Self.at("2026-04-02")) }?.reason == "LICENSE_FINAL")
    }

    @Test func deprivationHappensOnlyWhenTheCourtDecisionEntersIntoForce_144_2() throws {
        let claimed = try Self.active().withDeprivationClaimFiled(
            ground: .d144_2_2, reasons: "fees above the rates", proposal: Fixture.prosecutorProposal, claim: "SMAS Almaty 2-1234/26",
            context: Self.at("2026-03-03"))
        #expect(claimed.status == .active)
        #expect(claimed.deprivationClaimPending)
        #expect(
            refusal {
                try claimed.withDeprivationClaimFiled(
                    ground: .d144_2_2, reasons: "fees above the rates", proposal: Fixture.prosecutorProposal,
                    claim: "SMAS Almaty 2-1234/26", context: Self.at("2026-03-04"))
            }?.code == .alreadyExists)
        let deprived = try claimed.withCourtDecision(
            granted: true, courtAct: "2-1234/26", inForceOn: Fixture.date("2026-06-10"), reasons: "", context: Self.at("2026-06-12"))
        #expect(deprived.status == .deprived)
        #expect(deprived.history.last?.effectiveDate == Fixture.date("2026-06-10"))
        #expect(!deprived.deprivationClaimPending)
        let dismissed = try claimed.withCourtDecision(
            granted: false, courtAct: "2-1234/26", inForceOn: Fixture.date("2026-06-10"), reasons: "", context: Self.at("2026-06-12"))
        #expect(dismissed.status == .active)
        #expect(!dismissed.deprivationClaimPending)
    }

    @Test func groundsOutsideTheCatalogueOrOfAnotherMeasureAreRefused() {
        #expect(throws: Rejection.self) { try LicenseGround.parse("s143_2_7", for: .suspension) }  // repealed 26.06.2020
        #expect(throws: Rejection.self) { try LicenseGround.parse("t144_1_2", for: .suspension) }
        #expect((try? LicenseGround.parse("d144_2_5", for: .deprivation))?.article == "144.2.5")
        #expect(LicenseGround.allCases.filter { $0.measure == .suspension }.count == 8)
    }

    @Test func aProsecutorMayProposeTerminationOrDeprivationButNotSuspension_143_1_144_3() {
        #expect(!ProposalAuthor.prosecutor.mayPropose(.suspension))
        #expect(ProposalAuthor.prosecutor.mayPropose(.termination))
        #expect(ProposalAuthor.prosecutor.mayPropose(.deprivation))
        for author in [ProposalAuthor.territorialBody, .republicanChamber, .regionalChamber] {
            #expect(LicenseGround.Measure.allMeasures.allSatisfy { author.mayPropose($0) })
        }
    }
}

extension LicenseGround.Measure {
    static let allMeasures: [LicenseGround.Measure] = [.suspension, .termination, .deprivation]
}

@Suite("License status as of a moment")
struct LicenseAsOfTests {
    static func moment(_ date: String, _ hour: Int, _ minute: Int) -> Instant {
        Instant(millisecondsSinceEpoch: Instant(startOf: LocalDate(date)!).millisecondsSinceEpoch + Int64(hour * 3600 + minute * 60) * 1000)
    }

    @Test func theStatusAtAMomentComesFromHistoryToTheMinute_143_4() throws {
        let issued = LicenseTransitionTests.active()  // issued 2025-01-15
        let context = DecisionContext(actor: "m", requestID: "r", now: Self.moment("2026-03-03", 14, 5))
        let suspended = try issued.suspended(
            ground: .s143_2_2, until: LocalDate("2026-06-03")!, reasons: "harm",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: context)
        #expect(suspended.status(at: Self.moment("2025-01-14", 23, 59)) == nil)
        #expect(suspended.status(at: Self.moment("2026-03-03", 14, 4)) == .active)
        #expect(suspended.status(at: Self.moment("2026-03-03", 14, 5)) == .suspended)
    }

    @Test func theStatusAtEachMomentFollowsSuspensionThenReinstatementThenTermination() throws {
        let at = { (date: String, hour: Int, minute: Int) in
            DecisionContext(actor: "m", requestID: "r", now: Self.moment(date, hour, minute))
        }
        let license = try LicenseTransitionTests.active()
            .suspended(
                ground: .s143_2_1, until: LocalDate("2026-06-01")!, reasons: "suspect",
                proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: at("2026-03-03", 14, 5)
            )
            .reinstated(reasons: "suspect status ended", context: at("2026-04-10", 9, 30))
            .terminated(
                ground: .t144_1_4, reasons: "death on 2026-05-02", disciplinaryProceedingOpen: false, context: at("2026-05-05", 11, 0))
        let expected: [(String, Int, Int, LicenseStatus?)] = [
            ("2025-01-14", 23, 59, nil), ("2026-03-03", 14, 4, .active), ("2026-03-03", 14, 5, .suspended),
            ("2026-04-10", 9, 29, .suspended), ("2026-04-10", 9, 30, .active), ("2026-05-05", 10, 59, .active),
            ("2026-05-05", 11, 0, .terminated),
            ("2030-01-01", 0, 0, .terminated),
        ]
        for (date, hour, minute, status) in expected {
            #expect(license.status(at: Self.moment(date, hour, minute)) == status, "\(date) \(hour):\(minute)")
        }
    }

    @Test func aCourtDecisionCountsFromTheDayItEnteredIntoForceNotFromWhenItWasRecorded() throws {
        let claimed = try LicenseTransitionTests.active().withDeprivationClaimFiled(
            ground: .d144_2_2, reasons: "fees above the rates", proposal: Fixture.prosecutorProposal, claim: "SMAS Almaty 2-1234/26",
            context: LicenseTransitionTests.at("2026-03-03"))
        let deprived = try claimed.withCourtDecision(
            granted: true, courtAct: "2-1234/26", inForceOn: LocalDate("2026-06-10")!, reasons: "",
            context: LicenseTransitionTests.at("2026-06-12"))
        #expect(deprived.status(at: Self.moment("2026-06-09", 23, 59)) == .active)
        #expect(deprived.status(at: Self.moment("2026-06-10", 0, 0)) == .deprived)
    }
}

@Suite("Suspension on a proposal, Art. 143.1")
struct SuspensionProposalTests {
    @Test func aProsecutorsProposalCannotFoundASuspension_143_1() {
        let refused = Fixture.refusal {
            try LicenseTransitionTests.active().suspended(
                ground: .s143_2_2, until: LocalDate("2026-05-01")!, reasons: "harm",
                proposal: ProposalReference(author: .prosecutor, reference: "P-7"),
                context: LicenseTransitionTests.at("2026-03-03"))
        }
        #expect(refused?.article == "143.1")
        #expect(refused?.reason == "AUTHOR_MAY_NOT_PROPOSE")
    }

    @Test func theProposalIsKeptWithTheDecision() throws {
        let proposal = ProposalReference(author: .regionalChamber, reference: "RGC-ALA-2026-3")
        let suspended = try LicenseTransitionTests.active().suspended(
            ground: .s143_2_6, until: LocalDate("2026-05-01")!, reasons: "dues unpaid twice",
            proposal: proposal, context: LicenseTransitionTests.at("2026-03-03"))
        #expect(suspended.history.last?.proposal == proposal)
        #expect(ProposalReference(stored: proposal.description) == proposal)
    }
}

@Suite("Proposals (DOMAIN.md §3.10)")
struct ProposalDomainTests {
    let now = Instant(startOf: LocalDate("2026-03-03")!)

    @Test func aProposalNamesAGroundOfTheCatalogueAndItsFacts() {
        let license = LicenseTransitionTests.active()
        #expect(
            Fixture.refusal {
                try Proposal.submit(on: license, ground: "s143_2_7", facts: "x", author: .territorialBody, authorIdentity: "tb", at: now)
            }?.reason == "UNKNOWN_GROUND")
        #expect(
            Fixture.refusal {
                try Proposal.submit(on: license, ground: "s143_2_1", facts: " ", author: .territorialBody, authorIdentity: "tb", at: now)
            }?.article == "143.1")
        #expect(
            Fixture.refusal {
                try Proposal.submit(
                    on: license, ground: "tOwnApplication", facts: "x", author: .regionalChamber, authorIdentity: "rc", at: now)
            }?.reason == "APPLICATION_GROUND")
    }

    @Test func aDecisionAcceptsOnlyAPendingProposalOnItsLicenseAndMeasure() throws {
        let license = LicenseTransitionTests.active()
        var proposal = try Proposal.submit(
            on: license, ground: "t144_1_2", facts: "verdict in force", author: .prosecutor, authorIdentity: "p", at: now)
        proposal.id = 7
        #expect(
            Fixture.refusal { try proposal.accepted(by: license, measure: .suspension, at: now) }?.fieldViolations.first?.field
                == "proposal_id")
        let accepted = try proposal.accepted(by: license, measure: .termination, at: now)
        #expect(accepted.state == .accepted)
        #expect(Fixture.refusal { try accepted.declined(reasons: "x", at: now) }?.reason == "PROPOSAL_NOT_PENDING")
    }
}
