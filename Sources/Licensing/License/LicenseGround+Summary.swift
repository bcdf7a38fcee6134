/// Each ground in plain language (DOMAIN.md §4.1.1), for people choosing one:
/// the CLI's help, the decision's printout.
extension LicenseGround {
    public var summary: String {
        switch self {
        case .s143_2_1: return "his acts are qualified as those of a suspect in a criminal case"
        case .s143_2_2: return "he broke the law in enforcement and not suspending him could harm the parties"
        case .s143_2_3: return "unjustified refusal to accept an enforcement document"
        case .s143_2_4: return "enforcement actions outside his district (except 52.4.2)"
        case .s143_2_5: return "training not taken in time (148.1.9-1) or refused"
        case .s143_2_6: return "repeated breaches of 148.1.4, 148.1.5-1, 148.1.5-2 or 148.2"
        case .sGeneral: return "a general ground in another law"
        case .sDeputy143_5: return "his own application: elected a deputy (until the mandate ends)"
        case .t144_1_1: return "loss of Kazakhstan citizenship"
        case .t144_1_2: return "a guilty verdict entered into force"
        case .t144_1_3: return "declared incapable, of limited capacity, dead or missing by a court"
        case .t144_1_4: return "death"
        case .t144_1_5: return "released from criminal liability on CPC 35.1(3),(4),(9),(10),(12) or 36"
        case .t144_1_6: return "compulsory medical measures ordered by a court"
        case .tGeneral: return "a general ground in another law"
        case .tOwnApplication: return "his own application (not while a disciplinary proceeding is open, 144.5)"
        case .d144_2_1: return "two or more breaches of the law within six consecutive months"
        case .d144_2_2: return "fees above the Government's rates"
        case .d144_2_3: return "false or distorted information in the license documents"
        case .d144_2_4: return "no compulsory measures for a month on socially significant documents"
        case .d144_2_5: return "practised while the license was suspended"
        case .d144_2_6: return "other paid activity (not science, teaching or art)"
        case .d144_2_7: return "expelled from the Republican Chamber under 170.1.4"
        case .dGeneral: return "a general ground in another law"
        }
    }

    /// "s143_2_1  his acts are … (143.2.1)" lines for one measure, for help texts.
    public static func helpLines(for measure: Measure) -> String {
        allCases.filter { $0.measure == measure }.map { "  \($0.rawValue)  \($0.summary) (Art. \($0.article))" }.joined(separator: "\n")
    }
}
