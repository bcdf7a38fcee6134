import Enforcement
import Licensing
import Testing

/// Assistants (156.1-1, 156.2) and the host's years as a bailiff (156.3), at fixed dates.
@Suite("Assistants and hosts, Art. 156")
struct StaffRuleTests {
    static func license(issued: String = "2022-06-01") -> License {
        LicenseTransitionTests.license(issued: issued)
    }

    static func member(from: String, until: String? = nil) -> Membership {
        Membership(
            id: 1, licenseNumber: LicenseNumber(year: 2022, sequence: 1), district: "almaty-city", admittedOn: Fixture.date(from),
            admissionDecision: "Board 1", status: until == nil ? .active : .left, endedOn: until.map(Fixture.date), expulsionGround: nil,
            endDecision: nil)
    }

    static let certificate = Assistant.Certificate(
        number: "RC-2026-15", issuedOn: Fixture.date("2026-02-01"), programme: "Assistants' course 2026")

    @Test func anAssistantNeedsLegalEducationButNotHigher_156_2() throws {
        let legal = Fixture.person(education: .legalNotHigher)
        #expect(Assistant.disqualifications(of: legal, on: Fixture.date("2026-03-01")).isEmpty)
        let other = Fixture.person(education: .other)
        #expect(Assistant.disqualifications(of: other, on: Fixture.date("2026-03-01")).map(\.reason) == ["NO_LEGAL_EDUCATION"])
    }

    @Test func anAssistantNeedsTheChambersTrainingCertificateAndALabourContract_156_2_156_6() {
        let employ = { (certificate: Assistant.Certificate, contract: String) in
            try Assistant.employ(
                Fixture.person(), by: Self.license(), contract: contract, from: Fixture.date("2026-03-01"), certificate: certificate,
                existing: [])
        }
        #expect(
            Fixture.refusal { try employ(.init(number: " ", issuedOn: Fixture.date("2026-02-01"), programme: "P"), "LC-1") }?.article
                == "156.2")
        #expect(
            Fixture.refusal { try employ(.init(number: "C", issuedOn: Fixture.date("2026-03-02"), programme: "P"), "LC-1") }?.article
                == "156.2")
        #expect(Fixture.refusal { try employ(Self.certificate, " ") }?.article == "156.6")
        #expect(Fixture.refusal { try employ(Self.certificate, "LC-1") } == nil)
    }

    @Test func noOneTheBarsOf156_1_1ReachMayBeAnAssistant_156_1_1() {
        let bars: [(PersonFact, String)] = [
            (PersonFact(kind: .incapacity, from: Fixture.date("2025-01-01")), "DECLARED_INCAPABLE"),
            (
                PersonFact(
                    kind: .conviction, from: Fixture.date("2010-01-01"), to: Fixture.date("2012-01-01"), ground: "corruption crime, CC 366"),
                "CORRUPTION_CRIME"
            ),
            (PersonFact(kind: .negativeDismissal, from: Fixture.date("2005-01-01")), "NEGATIVE_DISMISSAL"),
            (PersonFact(kind: .conviction, from: Fixture.date("2024-01-01")), "UNEXPUNGED_CONVICTION"),
        ]
        for (fact, reason) in bars {
            let refusal = Fixture.refusal {
                try Assistant.employ(
                    Fixture.person(facts: [fact]), by: Self.license(), contract: "LC-1", from: Fixture.date("2026-03-01"),
                    certificate: Self.certificate, existing: [])
            }
            #expect(refusal?.article == "156.1-1")
            #expect(refusal?.reason == reason)
            #expect(refusal?.message.contains("cannot be an assistant of a private bailiff") == true)
        }
    }

    @Test func onlyABailiffWithAnActiveLicenseTakesOnAnAssistant_156_1() throws {
        let suspended = try Self.license().suspended(
            ground: .s143_2_4, until: Fixture.date("2026-05-01"), reasons: "r",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: LicenseTransitionTests.at("2026-02-10"))
        let refusal = Fixture.refusal {
            try Assistant.employ(
                Fixture.person(), by: suspended, contract: "LC-1", from: Fixture.date("2026-03-01"), certificate: Self.certificate,
                existing: [])
        }
        #expect(refusal?.reason == "EMPLOYER_MAY_NOT_PRACTISE")
        #expect(refusal?.article == "156.1")
    }

    @Test func aHostsYearsAreHisServiceAsABailiffWithoutGaps_156_3() throws {
        let host = Fixture.person()
        // Licensed 2022-06-01 but a member only from 2023-06-01: the first year is not service.
        let served = BailiffExperience.served(
            by: host, licenses: [Self.license()], memberships: [Self.member(from: "2023-06-01")], before: Fixture.date("2026-03-01"))
        #expect(!served.amounts(toYears: 3))
        // Practising on, he reaches three years on the third anniversary of joining the Chamber.
        #expect(served.reachesYears(3, continuingFrom: Fixture.date("2026-03-01")) == Fixture.date("2026-06-01"))
        #expect(
            BailiffExperience.served(
                by: host, licenses: [Self.license()], memberships: [Self.member(from: "2023-06-01")], before: Fixture.date("2026-06-01")
            )
            .amounts(toYears: 3))
        // A suspension is a gap.
        let suspended = try Self.license().suspended(
            ground: .s143_2_4, until: Fixture.date("2024-12-01"), reasons: "r",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: LicenseTransitionTests.at("2024-06-01"))
        let back = try suspended.reinstated(reasons: "ceased", context: LicenseTransitionTests.at("2024-12-01"))
        let withGap = BailiffExperience.served(
            by: host, licenses: [back], memberships: [Self.member(from: "2022-06-01")], before: Fixture.date("2025-06-01"))
        #expect(
            withGap.days == Fixture.date("2022-06-01").days(until: Fixture.date("2025-06-01"))
                - Fixture.date("2024-06-01").days(until: Fixture.date("2024-12-01")))
        #expect(!withGap.amounts(toYears: 3))
    }

    @Test func stateBailiffServiceCountsTowardsTheHostsYearsAndOverlapsCountOnce_156_3() throws {
        // Two years as a state bailiff, the last half year overlapping his private practice.
        let host = Fixture.person(facts: [
            PersonFact(kind: .stateBailiffService, from: Fixture.date("2020-12-01"), to: Fixture.date("2022-12-01"))
        ])
        let served = BailiffExperience.served(
            by: host, licenses: [Self.license()], memberships: [Self.member(from: "2022-06-01")], before: Fixture.date("2023-12-01"))
        #expect(served.amounts(toYears: 3))
        #expect(served.days == Fixture.date("2020-12-01").days(until: Fixture.date("2023-12-01")))
        let early = BailiffExperience.served(
            by: host, licenses: [Self.license()], memberships: [Self.member(from: "2022-06-01")], before: Fixture.date("2023-11-30"))
        #expect(!early.amounts(toYears: 3))
    }

    @Test func aHostMustBeAMemberOfTheChamberOnTheDay_140_1_156_3() {
        let refusal = Fixture.refusal {
            try Internship.start(
                intern: Fixture.person(), host: Fixture.person(), hostLicenses: [Self.license(issued: "2020-01-10")],
                hostMemberships: [Self.member(from: "2020-01-10", until: "2025-01-01")], on: Fixture.date("2026-03-01"), existing: [])
        }
        #expect(refusal?.reason == "HOST_MAY_NOT_PRACTISE")
        #expect(refusal?.article == "140.1")
    }
}

/// The ID card, the seal and the license document (154, 144.4).
@Suite("Service documents, Art. 154 and 144.4")
struct ServiceDocumentRuleTests {
    static func terminated() throws -> License {
        try StaffRuleTests.license().terminated(
            ground: .t144_1_4, reasons: "death certificate 12", disciplinaryProceedingOpen: false,
            context: LicenseTransitionTests.at("2026-04-01"))
    }

    @Test func theChamberIssuesOneValidCardAndSealShowingTheBailiffsData_154() throws {
        let license = StaffRuleTests.license()
        let card = try ServiceDocument.issue(
            .idCard, number: "ID-77", to: license, district: "almaty-city", on: Fixture.date("2026-03-01"), by: "rc", existing: [])
        #expect(card.holderName == license.holderName.description)
        #expect(card.chamber.contains("Almaty"))
        #expect(card.district == "almaty-city")
        #expect(
            Fixture.refusal {
                try ServiceDocument.issue(
                    .idCard, number: "ID-78", to: license, district: "almaty-city", on: Fixture.date("2026-03-02"), by: "rc",
                    existing: [card])
            }?.reason == "DOCUMENT_LIVE")
        #expect(
            Fixture.refusal {
                try ServiceDocument.issue(
                    .seal, number: "S-1", to: license, district: "almaty-city", on: Fixture.date("2026-03-02"), by: "rc", existing: [card])
            } == nil)
        #expect(
            Fixture.refusal {
                try ServiceDocument.issue(
                    .seal, number: "S-1", to: try Self.terminated(), district: "almaty-city", on: Fixture.date("2026-04-02"), by: "rc",
                    existing: [])
            }?.article == "154")
    }

    @Test func theSealAndCardAreDestroyedForTheLicenseOnlyOnceItHasEnded_144_4() throws {
        let card = try ServiceDocument.issue(
            .idCard, number: "ID-77", to: StaffRuleTests.license(), district: "almaty-city", on: Fixture.date("2026-03-01"), by: "rc",
            existing: [])
        let early = Fixture.refusal {
            try card.destroyed(on: Fixture.date("2026-03-20"), reason: .licenseEnded, act: "Act 1", license: StaffRuleTests.license())
        }
        #expect(early?.reason == "LICENSE_NOT_ENDED")
        #expect(early?.article == "144.4")
        #expect(
            Fixture.refusal {
                try card.destroyed(on: Fixture.date("2026-03-20"), reason: .replaced, act: "Act 1", license: StaffRuleTests.license())
            } == nil)
        let destroyed = try card.destroyed(
            on: Fixture.date("2026-04-02"), reason: .licenseEnded, act: "Act 2", license: try Self.terminated())
        #expect(!destroyed.isLive)
        #expect(
            Fixture.refusal {
                try destroyed.destroyed(on: Fixture.date("2026-04-03"), reason: .lost, act: "Act 3", license: try Self.terminated())
            }?.reason == "DOCUMENT_DESTROYED")
    }

    @Test func theLicenseIsWithdrawnOnceAfterItEndsAndWhatRemainsIsListed_144_4() throws {
        let active = StaffRuleTests.license()
        #expect(
            Fixture.refusal {
                try LicenseWithdrawal.withdraw(active, on: Fixture.date("2026-03-20"), act: "A", district: "almaty-city", existing: nil)
            }?.reason == "LICENSE_NOT_ENDED")
        let ended = try Self.terminated()
        let seal = try ServiceDocument.issue(
            .seal, number: "S-1", to: active, district: "almaty-city", on: Fixture.date("2026-03-01"), by: "rc", existing: [])
        #expect(
            LicenseWithdrawal.outstanding(for: ended, withdrawal: nil, documents: [seal]) == [
                "the license document is not withdrawn", "seal S-1 is not destroyed",
            ])
        let withdrawal = try LicenseWithdrawal.withdraw(
            ended, on: Fixture.date("2026-04-02"), act: "Act W-1", district: "almaty-city", existing: nil)
        #expect(
            Fixture.refusal {
                try LicenseWithdrawal.withdraw(
                    ended, on: Fixture.date("2026-04-03"), act: "again", district: "almaty-city", existing: withdrawal)
            }?.reason == "ALREADY_WITHDRAWN")
        #expect(LicenseWithdrawal.outstanding(for: ended, withdrawal: withdrawal, documents: [seal]) == ["seal S-1 is not destroyed"])
        #expect(LicenseWithdrawal.outstanding(for: active, withdrawal: nil, documents: [seal]).isEmpty)
    }
}
