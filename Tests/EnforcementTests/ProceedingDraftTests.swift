import Enforcement
import Testing

@Suite("Case intake rows")
struct ProceedingDraftTests {
    static func draft() -> ProceedingDraft {
        var d = ProceedingDraft()
        d.number = "02-2026-000123"
        d.documentKind = "courtWrit"
        d.documentReference = "SMAS Almaty 2-100/2026"
        d.category = "sociallySignificant"
        d.creditorName = "Ахметова А."
        d.debtorName = "Ахметов Б."
        d.debtorDistrict = "almaty-city"
        d.debtorUnit = "Bostandyk"
        d.amount = "250000"
        d.openedOn = "2026-02-01"
        d.holderLicense = "2026-000001"
        d.advancePaid = "1000"
        d.advanceUsed = "400"
        return d
    }

    @Test func aCompleteRowBecomesAnOpenProceedingOfItsHoldersDistrict() throws {
        let proceeding = try Self.draft().validated(district: "almaty-city", mci: testMCI).get()
        #expect(proceeding.holder == .bailiff(license: "2026-000001"))
        #expect(proceeding.unusedAdvance == Tenge("600"))
        #expect(proceeding.document.debtorKind == .individual)
    }

    @Test func everyProblemOfARowIsNamedByItsField() {
        var d = Self.draft()
        d.documentKind = "writ"
        d.category = ""
        d.amount = "12,5"
        d.openedOn = "01.02.2026"
        d.advanceUsed = "5000"
        guard case .failure(let list) = d.validated(district: "almaty-city", mci: testMCI) else { Issue.record("accepted"); return }
        #expect(list.problems.map(\.field) == ["document_kind", "category", "amount", "advance_used", "opened_on"])
        #expect(list.problems.first { $0.field == "advance_used" }?.article == "119")
    }

    @Test func aDocumentOutsidePrivateCompetenceIsRefusedWithItsArticle_138_1() {
        var d = Self.draft()
        d.debtorKind = "naturalMonopoly"
        guard case .failure(let list) = d.validated(district: "almaty-city", mci: testMCI) else { Issue.record("accepted"); return }
        #expect(list.problems.first?.article == "138.1(3)")
    }

    @Test func collectionForAStateCreditorAboveAThousandMCIIsExcludedWhateverTheFlagSays_138_1_4() {
        var d = Self.draft()
        d.category = "other"
        d.creditorKind = "state"
        d.amount = "5000000" // above 1,000 MCI of 2026 (4,325,000)
        d.inFavourOfState = false
        guard case .failure(let list) = d.validated(district: "almaty-city", mci: testMCI) else { Issue.record("accepted"); return }
        #expect(list.problems.first?.article == "138.1(4)")
        var revenue = Self.draft()
        revenue.category = "stateRevenue"
        revenue.amount = "5000000"
        guard case .failure(let second) = revenue.validated(district: "almaty-city", mci: testMCI) else { Issue.record("accepted"); return }
        #expect(second.problems.first?.article == "138.1(4)")
        var small = d
        small.amount = "100000"
        #expect((try? small.validated(district: "almaty-city", mci: testMCI).get()) != nil)
    }

    @Test func aStateDebtorExcludesCollectionOnlyNotAnotherAct_138_1_1() {
        var d = Self.draft()
        d.category = "other"
        d.debtorKind = "state"
        guard case .failure(let list) = d.validated(district: "almaty-city", mci: testMCI) else { Issue.record("accepted"); return }
        #expect(list.problems.first?.article == "138.1(1)")
        d.subject = "other"
        #expect((try? d.validated(district: "almaty-city", mci: testMCI).get()) != nil)
    }
}
