/// The conditions of `mayPractise(b, D)` (DOMAIN.md §4.7, §5.4), each with its article.
public enum PracticeCondition: String, Hashable, Sendable, Codable, CaseIterable {
    /// The license is active at that instant (143.4, 144).
    case licenseActive
    /// Member of the Republican Chamber (140.1).
    case chamberMembership
    /// A valid professional liability insurance contract with a sufficient sum (146.1, 146.2-1).
    case insurance
    /// Registered with the territorial body (148.1.1, 168.1.4).
    case accountingRegistration
    /// Not absent for more than a month (148.1.9-2).
    case noLongAbsence
    /// No other paid activity except scientific, teaching or creative work (149).
    case noOtherPaidActivity

    /// What the registry must hold for the condition, as a refusal names it when missing.
    public var recordName: String {
        switch self {
        case .licenseActive: return "license"
        case .chamberMembership: return "membership of the Republican Chamber"
        case .insurance: return "professional liability insurance contract"
        case .accountingRegistration: return "accounting registration with the territorial body"
        case .noLongAbsence: return "absence record"
        case .noOtherPaidActivity: return "other paid activity record"
        }
    }

    public var article: Article {
        switch self {
        case .licenseActive: return "143.4"
        case .chamberMembership: return "140.1"
        case .insurance: return "146.1"
        case .accountingRegistration: return "168.1.4"
        case .noLongAbsence: return "148.1.9-2"
        case .noOtherPaidActivity: return "149"
        }
    }
}
