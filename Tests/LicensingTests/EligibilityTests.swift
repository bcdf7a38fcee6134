import Enforcement
import Licensing
import Testing

/// DOMAIN.md §5.1: eligibleAsPrivateBailiff(p, D), each predicate at a fixed
/// date, and each time window the day before and the day of its end.
@Suite("Eligibility, Art. 140")
struct EligibilityTests {
    @Test func aCitizenWithHigherLegalEducationAndNoBarIsEligible_140_1() {
        #expect(Eligibility.isEligible(Fixture.person(), on: Fixture.date("2026-03-03")))
    }

    @Test func aNonCitizenCannotBeABailiff_140_1() {
        let former = Fixture.person(facts: [])
        let p = Person(
            iin: former.iin, name: former.name, residenceDistrict: former.residenceDistrict, education: .higherLegal,
            facts: [PersonFact(kind: .citizenship, from: Fixture.date("1990-01-01"), to: Fixture.date("2025-06-01"))],
            registeredAt: former.registeredAt)
        #expect(Fixture.articles(p, on: "2025-05-31") == [])
        #expect(Fixture.articles(p, on: "2025-06-01") == ["140.1"])
    }

    @Test func withoutHigherLegalEducationNoOneCanBeABailiff_140_1() {
        let failures = Eligibility.disqualifications(of: Fixture.person(education: .legalNotHigher), on: Fixture.date("2026-03-03"))
        #expect(failures.map(\.reason) == ["NO_HIGHER_LEGAL_EDUCATION"])
        #expect(failures.first?.article == "140.1")
    }

    @Test func incapacityBarsWhileInForce_140_2_1() {
        let p = Fixture.person(facts: [PersonFact(kind: .incapacity, from: Fixture.date("2024-01-10"), to: Fixture.date("2026-02-01"))])
        #expect(Fixture.articles(p, on: "2026-01-31") == ["140.2.1"])
        #expect(Fixture.articles(p, on: "2026-02-01") == [])
    }

    @Test func anUnexpungedConvictionBars_140_2_2() {
        let open = Fixture.person(facts: [PersonFact(kind: .conviction, from: Fixture.date("2015-04-01"))])
        #expect(Fixture.articles(open, on: "2026-03-03") == ["140.2.2"])
        let expunged = Fixture.person(facts: [
            PersonFact(kind: .conviction, from: Fixture.date("2015-04-01"), to: Fixture.date("2020-04-01"))
        ])
        #expect(Fixture.articles(expunged, on: "2020-03-31") == ["140.2.2"])
        #expect(Fixture.articles(expunged, on: "2020-04-01") == [])
    }

    @Test func releaseFromCriminalLiabilityOnListedGroundsBarsForThreeYears_140_2_3() {
        let p = Fixture.person(facts: [
            PersonFact(kind: .releaseFromCriminalLiability, from: Fixture.date("2023-03-15"), ground: "CPC 35.1(3)")
        ])
        #expect(Fixture.articles(p, on: "2026-03-14") == ["140.2.3"])
        #expect(Fixture.articles(p, on: "2026-03-15") == [])
        let failure = Eligibility.disqualifications(of: p, on: Fixture.date("2026-03-14")).first
        #expect(failure?.endsOn == Fixture.date("2026-03-15"))
    }

    @Test func releaseOnAnUnlistedGroundDoesNotBar_140_2_3() {
        let p = Fixture.person(facts: [
            PersonFact(kind: .releaseFromCriminalLiability, from: Fixture.date("2025-03-15"), ground: "CPC 35.1(1)")
        ])
        #expect(Fixture.articles(p, on: "2026-03-14") == [])
        let article36 = Fixture.person(facts: [
            PersonFact(kind: .releaseFromCriminalLiability, from: Fixture.date("2025-03-15"), ground: "cpc 36")
        ])
        #expect(Fixture.articles(article36, on: "2026-03-14") == ["140.2.3"])
    }

    @Test func negativeDismissalBarsForOneYear_140_2_4() {
        let p = Fixture.person(facts: [PersonFact(kind: .negativeDismissal, from: Fixture.date("2025-09-30"))])
        #expect(Fixture.articles(p, on: "2026-09-29") == ["140.2.4"])
        #expect(Fixture.articles(p, on: "2026-09-30") == [])
    }

    @Test func releaseAsJudgeOn34_1_11BarsForOneYear_140_2_5() {
        let p = Fixture.person(facts: [PersonFact(kind: .judicialRelease, from: Fixture.date("2025-12-01"), ground: "ConstLaw 34.1(11-1)")])
        #expect(Fixture.articles(p, on: "2026-11-30") == ["140.2.5"])
        #expect(Fixture.articles(p, on: "2026-12-01") == [])
        let retired = Fixture.person(facts: [PersonFact(kind: .judicialRelease, from: Fixture.date("2025-12-01"), ground: "34.1(1)")])
        #expect(Fixture.articles(retired, on: "2026-03-01") == [])
    }

    @Test func adminCorruptionPenaltyWithinThreeYearsBeforeTheGrantBars_140_2_6() {
        let p = Fixture.person(facts: [PersonFact(kind: .adminCorruptionPenalty, from: Fixture.date("2023-05-10"))])
        // The one anniversary rule: barred through the day before the anniversary, free on it.
        #expect(Fixture.articles(p, on: "2026-05-09") == ["140.2.6"])
        #expect(Fixture.articles(p, on: "2026-05-10") == [])
        #expect(Eligibility.disqualifications(of: p, on: Fixture.date("2026-05-09")).first?.endsOn == Fixture.date("2026-05-10"))
    }

    @Test func everyWindowOf140_2EndsOnItsAnniversaryAndRetryOnNamesIt_140_2() {
        let event = Fixture.date("2024-02-29")
        let kinds: [(PersonFact, String)] = [
            (PersonFact(kind: .releaseFromCriminalLiability, from: event, ground: "CPC 35.1(3)"), "140.2.3"),
            (PersonFact(kind: .negativeDismissal, from: event), "140.2.4"),
            (PersonFact(kind: .judicialRelease, from: event, ground: "34.1(11)"), "140.2.5"),
            (PersonFact(kind: .adminCorruptionPenalty, from: event), "140.2.6"),
            (PersonFact(kind: .licenseDeprivation, from: event), "140.2.8"),
        ]
        for (fact, article) in kinds {
            let years = ["140.2.4", "140.2.5"].contains(article) ? 1 : 3
            let anniversary = event.adding(years: years)  // 28 February: month-end clamp
            let p = Fixture.person(facts: [fact])
            #expect(Fixture.articles(p, on: anniversary.adding(days: -1).description) == [article])
            #expect(Eligibility.disqualifications(of: p, on: anniversary.adding(days: -1)).first?.endsOn == anniversary)
            #expect(Fixture.articles(p, on: anniversary.description) == [])
            let refusal = Rejection.notEligible(Eligibility.disqualifications(of: p, on: event), on: event)
            #expect(refusal.retryOn == anniversary)
        }
    }

    @Test func mentalHealthRegistrationBarsWhileOnRecord_140_2_7() {
        let p = Fixture.person(facts: [
            PersonFact(kind: .mentalHealthRegistration, from: Fixture.date("2025-01-01"), to: Fixture.date("2026-01-01"))
        ])
        #expect(Fixture.articles(p, on: "2025-12-31") == ["140.2.7"])
        #expect(Fixture.articles(p, on: "2026-01-01") == [])
    }

    @Test func licenseDeprivationBarsForThreeYearsFromEntryIntoForce_140_2_8() {
        let p = Fixture.person(facts: [PersonFact(kind: .licenseDeprivation, from: Fixture.date("2024-02-29"))])
        // 2024-02-29 + 3 years = 2027-02-28 (month-end clamp).
        #expect(Fixture.articles(p, on: "2027-02-27") == ["140.2.8"])
        #expect(Fixture.articles(p, on: "2027-02-28") == [])
    }

    @Test func everyFailedPredicateIsReported() {
        let p = Fixture.person(
            facts: [
                PersonFact(kind: .conviction, from: Fixture.date("2015-04-01")),
                PersonFact(kind: .negativeDismissal, from: Fixture.date("2026-01-01")),
            ], education: .other)
        #expect(Fixture.articles(p, on: "2026-03-03") == ["140.1", "140.2.2", "140.2.4"])
    }
}
