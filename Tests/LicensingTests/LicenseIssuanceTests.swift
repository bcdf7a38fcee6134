import Enforcement
import Licensing
import Testing

/// L0 of DOMAIN.md §4.1.2 and mayIssueLicense of §5.3.
@Suite("License issuance, Art. 142")
struct LicenseIssuanceTests {
    let now = Instant(startOf: Fixture.date("2026-03-03"))
    var context: DecisionContext { DecisionContext(actor: "spiffe://registry.bailiff.kz/role/ministry", requestID: "r1", now: now) }
    let number = LicenseNumber(year: 2026, sequence: 1)

    func command(date: String = "2026-03-03", basis: LicenseBasis? = .exemption(.judge, evidence: "order 7"), fee: Bool = true)
        -> IssueLicense
    {
        IssueLicense(holder: Fixture.iin(), issueDate: Fixture.date(date), district: "almaty-city", basis: basis, licenseFeePaid: fee)
    }

    func rejection(_ body: () throws -> License) -> Rejection? { Fixture.refusal(body) }

    @Test func anEligiblePersonWithABasisAndPaidFeeGetsAnActiveLicense_142_1() throws {
        let license = try License.issue(command(), person: Fixture.person(), existing: [], number: number, context: context)
        #expect(license.status == .active)
        #expect(license.issuedOn == Fixture.date("2026-03-03"))
        #expect(license.history.count == 1)
        #expect(license.history[0].legalBasis == "142.1")
        #expect(license.history[0].actor == context.actor)
    }

    @Test func aLicenseNeedsAnAttestationOrAnExemption_142_1() {
        let r = rejection {
            try License.issue(command(basis: nil), person: Fixture.person(), existing: [], number: number, context: context)
        }
        #expect(r?.article == "142.1")
        #expect(r?.code == .invalidArgument)
    }

    @Test func anAttestationBasisNeedsTheInternshipReference_140_4() {
        let r = rejection {
            try License.issue(
                command(basis: .attestation(reference: "AC-1", internshipEvidence: " ")), person: Fixture.person(), existing: [],
                number: number, context: context)
        }
        #expect(r?.article == "140.4")
    }

    @Test func theLicenseFeeMustBePaid_142_3() {
        let r = rejection {
            try License.issue(command(fee: false), person: Fixture.person(), existing: [], number: number, context: context)
        }
        #expect(r?.article == "142.3")
        #expect(r?.code == .failedPrecondition)
    }

    @Test func eligibilityIsEvaluatedAtTheIssueDate_140_2() {
        let p = Fixture.person(facts: [PersonFact(kind: .negativeDismissal, from: Fixture.date("2025-03-01"))])
        let refused = rejection {
            try License.issue(command(date: "2026-02-28"), person: p, existing: [], number: number, context: context)
        }
        #expect(refused?.article == "140.2.4")
        #expect(refused?.retryOn == Fixture.date("2026-03-01"))
        #expect(
            rejection { try License.issue(command(date: "2026-03-01"), person: p, existing: [], number: number, context: context) } == nil)
    }

    @Test func anIssueDateInTheFutureIsRefused() {
        let r = rejection {
            try License.issue(command(date: "2026-03-04"), person: Fixture.person(), existing: [], number: number, context: context)
        }
        #expect(r?.fieldViolations.first?.field == "issue_date")
    }

    @Test func aPersonHoldsAtMostOneLicenseInForce() throws {
        let first = try License.issue(command(date: "2026-01-10"), person: Fixture.person(), existing: [], number: number, context: context)
        let r = rejection {
            try License.issue(
                command(), person: Fixture.person(), existing: [first], number: LicenseNumber(year: 2026, sequence: 2), context: context)
        }
        #expect(r?.code == .alreadyExists)
    }

    @Test func aDeprivationInTheRegisterBarsForThreeYears_140_2_8() throws {
        var old = try License.issue(
            command(date: "2020-01-10"), person: Fixture.person(), existing: [], number: LicenseNumber(year: 2020, sequence: 1),
            context: context)
        old.status = .deprived
        old.history.append(
            StatusChange(
                kind: .deprived, status: .deprived, decisionDate: Fixture.date("2023-06-01"), decidedAt: now,
                effectiveDate: Fixture.date("2023-06-01"), legalBasis: "144.2", groundCode: "d144_2_2",
                actor: "court", requestID: "r0"))
        let r = rejection {
            try License.issue(
                command(date: "2026-05-31"), person: Fixture.person(), existing: [old], number: number,
                context: DecisionContext(actor: "m", requestID: "r", now: Instant(startOf: Fixture.date("2026-06-01"))))
        }
        #expect(r?.article == "140.2.8")
        #expect(r?.retryOn == Fixture.date("2026-06-01"))
        let later = DecisionContext(actor: "m", requestID: "r", now: Instant(startOf: Fixture.date("2026-06-01")))
        #expect(
            rejection {
                try License.issue(command(date: "2026-06-01"), person: Fixture.person(), existing: [old], number: number, context: later)
            } == nil)
    }
}
