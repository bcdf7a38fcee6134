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
        guard case .failure(let list) = d.validated(district: "almaty-city", mci: testMCI) else {
            Issue.record("accepted")
            return
        }
        #expect(list.problems.map(\.field) == ["document_kind", "category", "amount", "advance_used", "opened_on"])
        #expect(list.problems.first { $0.field == "advance_used" }?.article == "119")
    }

    @Test func aDocumentOutsidePrivateCompetenceIsRefusedWithItsArticle_138_1() {
        var d = Self.draft()
        d.debtorKind = "naturalMonopoly"
        guard case .failure(let list) = d.validated(district: "almaty-city", mci: testMCI) else {
            Issue.record("accepted")
            return
        }
        #expect(list.problems.first?.article == "138.1(3)")
    }

    @Test func collectionForAStateCreditorAboveAThousandMCIIsExcludedWhateverTheFlagSays_138_1_4() {
        var d = Self.draft()
        d.category = "other"
        d.creditorKind = "state"
        d.amount = "5000000"  // above 1,000 MCI of 2026 (4,325,000)
        d.inFavourOfState = false
        guard case .failure(let list) = d.validated(district: "almaty-city", mci: testMCI) else {
            Issue.record("accepted")
            return
        }
        #expect(list.problems.first?.article == "138.1(4)")
        var revenue = Self.draft()
        revenue.category = "stateRevenue"
        revenue.amount = "5000000"
        guard case .failure(let second) = revenue.validated(district: "almaty-city", mci: testMCI) else {
            Issue.record("accepted")
            return
        }
        #expect(second.problems.first?.article == "138.1(4)")
        var small = d
        small.amount = "100000"
        #expect((try? small.validated(district: "almaty-city", mci: testMCI).get()) != nil)
    }

    @Test func aStateDebtorExcludesCollectionOnlyNotAnotherAct_138_1_1() {
        var d = Self.draft()
        d.category = "other"
        d.debtorKind = "state"
        guard case .failure(let list) = d.validated(district: "almaty-city", mci: testMCI) else {
            Issue.record("accepted")
            return
        }
        #expect(list.problems.first?.article == "138.1(1)")
        d.subject = "other"
        #expect((try? d.validated(district: "almaty-city", mci: testMCI).get()) != nil)
    }
}

/// 144.2.4 [DOMAIN §9.5-4]: the month without measures runs from the opening; a measure in force counts.
@Suite("The 144.2.4 month without measures")
struct MonthWithoutMeasuresTests {
    static func proceeding(opened: String = "2026-03-10", category: ProceedingCategory = .sociallySignificant) -> EnforcementProceeding {
        EnforcementProceeding(
            number: "AL-1",
            document: EnforcementDocument(
                kind: .courtWrit, reference: "2-1/2026", debtorKind: .individual, subject: .collection, inFavourOfState: false),
            category: category, creditor: Party(kind: .individual, name: "C", identifier: "", contact: ""),
            debtor: Party(kind: .individual, name: "D", identifier: "", contact: ""),
            debtorLocation: DebtorLocation(district: "almaty-city", unit: ""), amount: Tenge(tiyn: 100), openedOn: LocalDate(opened)!,
            district: "almaty-city", holder: .bailiff(license: "2026-000001"), advancePaid: .zero, advanceUsed: .zero, status: .open)
    }

    @Test func theMonthRunsFromTheOpening_144_2_4() {
        let p = Self.proceeding()
        #expect(p.monthWithoutMeasures(on: LocalDate("2026-04-10")!) == nil)
        #expect(p.monthWithoutMeasures(on: LocalDate("2026-04-11")!) == LocalDate("2026-03-10"))
        // A first measure after the month is a month missed, however recent it is.
        let late = p.measured(on: LocalDate("2026-04-15")!, standing: false)
        #expect(late.monthWithoutMeasures(on: LocalDate("2026-04-16")!) == LocalDate("2026-03-10"))
        // Only the socially significant category is counted.
        #expect(Self.proceeding(category: .other).monthWithoutMeasures(on: LocalDate("2026-06-01")!) == nil)
    }

    @Test func aMeasureInForceCountsForAsLongAsItStands_144_2_4() {
        let deduction = Self.proceeding().measured(on: LocalDate("2026-03-12")!, standing: true)
        #expect(deduction.monthWithoutMeasures(on: LocalDate("2026-09-01")!) == nil)
        let lifted = deduction.standingMeasureLifted(on: LocalDate("2026-09-01")!)
        #expect(lifted.monthWithoutMeasures(on: LocalDate("2026-10-01")!) == nil)
        #expect(lifted.monthWithoutMeasures(on: LocalDate("2026-10-02")!) == LocalDate("2026-09-01"))
        // Without it standing, the month would have run from the measure itself.
        #expect(
            Self.proceeding().measured(on: LocalDate("2026-03-12")!, standing: false).monthWithoutMeasures(on: LocalDate("2026-04-13")!)
                == LocalDate("2026-03-12"))
    }
}
