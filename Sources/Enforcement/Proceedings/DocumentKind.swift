/// The enforcement documents of Art. 9.1, each with its sub-paragraph. 9.1(7)
/// was repealed on 11.07.2017 and is deliberately absent.
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 9.1(1) writ of execution on a court act.
    case courtWrit
    /// 9.1(1-1) writ on a decision of the AIFC court.
    case aifcCourtWrit
    /// 9.1(2) court order under civil procedure.
    case courtOrder
    /// 9.1(3) writ on the forced execution of international, foreign or arbitral courts' decisions.
    case foreignCourtWrit
    /// 9.1(4) writ on a court ruling enforcing an arbitration award.
    case arbitrationWrit
    /// 9.1(4-1) court rulings securing a claim or lifting the security, and preliminary measures.
    case claimSecurityRuling
    /// 9.1(4-2) AIFC court orders securing a claim or lifting the security.
    case aifcClaimSecurityOrder
    /// 9.1(5) court rulings in administrative-offence cases.
    case adminOffenceCourtRuling
    /// 9.1(6) rulings of a body (official) authorized to hear administrative offences.
    case adminOffenceBodyRuling
    /// 9.1(6-1) an employer's wage-payment order.
    case employerWageOrder
    /// 9.1(8) a bailiff's ruling collecting the enforcement sanction.
    case enforcementSanctionRuling
    /// 9.1(9) a bailiff's ruling on reimbursing enforcement expenses.
    case expensesRuling
    /// 9.1(10) a private bailiff's ruling approving his fee.
    case feeRuling
    /// 9.1(11) an order to pay a fine.
    case fineOrder
    /// 9.1(11-1) an executive (notarial) inscription.
    case executiveInscription
    /// 9.1(12) a court ruling attaching property in a criminal case.
    case criminalAttachmentRuling
    /// 9.1(13) a tax order on an individual's debt.
    case taxOrder

    /// "9.1(4-1)".
    public var article: String {
        let item: String =
            switch self {
            case .courtWrit: "1"
            case .aifcCourtWrit: "1-1"
            case .courtOrder: "2"
            case .foreignCourtWrit: "3"
            case .arbitrationWrit: "4"
            case .claimSecurityRuling: "4-1"
            case .aifcClaimSecurityOrder: "4-2"
            case .adminOffenceCourtRuling: "5"
            case .adminOffenceBodyRuling: "6"
            case .employerWageOrder: "6-1"
            case .enforcementSanctionRuling: "8"
            case .expensesRuling: "9"
            case .feeRuling: "10"
            case .fineOrder: "11"
            case .executiveInscription: "11-1"
            case .criminalAttachmentRuling: "12"
            case .taxOrder: "13"
            }
        return "9.1(\(item))"
    }
}
