import Enforcement
import Testing

/// Art. 138.1: what a private bailiff may not execute, and 9.1's catalogue.
/// The MCI of the years the tests use (REFERENCE-DATA.md §3).
let testMCI = MCITable(tengeByYear: [2025: 3_932, 2026: 4_325])

@Suite("Private-bailiff competence, Art. 138.1")
struct CompetenceTests {
    static func document(
        _ debtor: EnforcementDocument.DebtorKind = .individual, _ subject: EnforcementDocument.Subject = .collection,
        forState: Bool = false
    ) -> EnforcementDocument {
        EnforcementDocument(kind: .courtWrit, reference: "2-100/2026", debtorKind: debtor, subject: subject, inFavourOfState: forState)
    }

    @Test(arguments: [
        (EnforcementDocument.DebtorKind.state, "138.1(1)"), (.stateOwnedEntity, "138.1(2)"), (.naturalMonopoly, "138.1(3)"),
    ])
    func collectionFromTheStateItsCompaniesAndNaturalMonopoliesIsExcluded(debtor: EnforcementDocument.DebtorKind, article: String) {
        #expect(
            Competence.exclusion(of: Self.document(debtor), amount: Tenge(tiyn: 100), on: LocalDate("2026-06-01")!, mci: testMCI)?.article
                == article)
    }

    @Test func confiscationAndActsInTheStatesInterestAreExcluded_138_1_5_6() {
        #expect(
            Competence.exclusion(of: Self.document(.individual, .confiscation), amount: .zero, on: LocalDate("2026-06-01")!, mci: testMCI)?
                .article == "138.1(5)")
        #expect(
            Competence.exclusion(
                of: Self.document(.individual, .stateInterestAction), amount: .zero, on: LocalDate("2026-06-01")!, mci: testMCI)?.article
                == "138.1(6)")
    }

    @Test func collectionForTheStateIsAllowedUpToExactlyOneThousandMCI_138_1_4() {
        let limit = Tenge(tiyn: 4_325 * 1_000 * 100)  // MCI 2026 = 4,325 tenge
        #expect(Competence.exclusion(of: Self.document(forState: true), amount: limit, on: LocalDate("2026-06-01")!, mci: testMCI) == nil)
        #expect(
            Competence.exclusion(
                of: Self.document(forState: true), amount: limit + Tenge(tiyn: 1), on: LocalDate("2026-06-01")!, mci: testMCI)?.article
                == "138.1(4)")
        // The same sum for a private creditor is within competence.
        #expect(
            Competence.exclusion(
                of: Self.document(forState: false), amount: limit + Tenge(tiyn: 1), on: LocalDate("2026-06-01")!, mci: testMCI) == nil)
        // An unknown year's MCI is not guessed.
        #expect(
            Competence.exclusion(of: Self.document(forState: true), amount: Tenge(tiyn: 1), on: LocalDate("2027-06-01")!, mci: testMCI)?
                .article == "138.1(4)")
    }

    @Test func theCatalogueOfDocumentsHasNoRepealedItemSeven_9_1() {
        #expect(DocumentKind.allCases.count == 17)
        #expect(!DocumentKind.allCases.map(\.article).contains("9.1(7)"))
        #expect(DocumentKind.executiveInscription.article == "9.1(11-1)")
    }

    @Test func amountsAreExactTengeWithAtMostTwoDecimals() {
        #expect(Tenge("125000.5")?.tiyn == 12_500_050)
        #expect(Tenge("125000.05")?.description == "125000.05")
        for bad in ["", "-1", "+1", "1.234", "1,5", "abc", "1."] { #expect(Tenge(bad) == nil, "\(bad)") }
    }
}
