/// The category of a proceeding that decides how it is treated (Art. 1(9-1), 37.4 ¶3):
/// socially significant proceedings (alimony, harm to life or health, wages, …) and
/// state revenue need no agreement with the creditor, and inaction on a socially
/// significant one for a month is a deprivation ground (144.2.4).
public enum ProceedingCategory: String, Hashable, Sendable, Codable, CaseIterable {
    case sociallySignificant
    case stateRevenue
    case other
}
