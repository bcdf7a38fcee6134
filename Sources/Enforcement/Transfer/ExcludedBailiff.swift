/// A bailiff of the district who was not a receiver in a planning round, and every
/// reason why (suspended, not a member, uninsured, absent, replaced, the outgoing one),
/// so a chamber secretary can answer "why not him?".
public struct ExcludedBailiff: Hashable, Sendable, Codable {
    public let license: String
    public let reasons: [String]

    public init(license: String, reasons: [String]) {
        self.license = license
        self.reasons = reasons
    }
}
