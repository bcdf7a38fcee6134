/// Why a bailiff is temporarily replaced (Art. 153-1.2).
public enum ReplacementGround: String, Hashable, Sendable, Codable, CaseIterable {
    case annualLeave
    case studyLeave
    case illness
    case businessTrip
    /// Other circumstances temporarily preventing him from performing his duties.
    case other
}
