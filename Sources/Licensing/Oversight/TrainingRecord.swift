import Enforcement

/// A completed professional training (148.1.9-1; DOMAIN.md §3.23, §5.5).
public struct TrainingRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public let licenseNumber: LicenseNumber
    public let completedOn: LocalDate
    public let programme: String
    public let certificate: String

    public init(id: Int64, licenseNumber: LicenseNumber, completedOn: LocalDate, programme: String, certificate: String) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.completedOn = completedOn
        self.programme = programme
        self.certificate = certificate
    }

    /// When the next training is due (148.1.9-1): within 6 months of the start of activity,
    /// then every 3 years after the previous one.
    public static func due(startedOn start: LocalDate, records: [TrainingRecord]) -> LocalDate {
        guard let last = records.map(\.completedOn).max() else { return start.adding(months: 6) }
        return last.adding(years: 3)
    }
}
