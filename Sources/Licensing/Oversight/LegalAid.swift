import Enforcement

/// A bailiff's monthly report on state-guaranteed legal aid (103-1.4; DOMAIN.md §3.40): due to
/// the regional chamber by the 5th of the following month. The form is the Ministry's; the
/// registry keeps the count and notes the lateness rather than refusing a late report.
public struct LegalAidReport: Hashable, Sendable, Codable {
    public var id: Int64
    public let licenseNumber: LicenseNumber
    /// First day of the reported month.
    public let month: LocalDate
    public let consultations: Int
    public let submittedOn: LocalDate

    public init(id: Int64, licenseNumber: LicenseNumber, month: LocalDate, consultations: Int, submittedOn: LocalDate) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.month = month
        self.consultations = consultations
        self.submittedOn = submittedOn
    }

    /// 103-1.4: by the 5th of the following month.
    public var dueOn: LocalDate { month.adding(months: 1).adding(days: 4) }
    public var isLate: Bool { submittedOn > dueOn }

    /// "2026-07" → 2026-07-01.
    public static func month(_ text: String) -> LocalDate? { LocalDate(text + "-01") }
}

/// A half-year of the regional chambers' consolidated legal-aid report (103-1.5).
public struct HalfYear: Hashable, Sendable {
    public let year: Int
    /// 1 or 2.
    public let half: Int

    /// "2026H1".
    public init?(_ text: String) {
        let parts = text.split(separator: "H")
        guard parts.count == 2, let year = Int(parts[0]), let half = Int(parts[1]), (1...2).contains(half), (2000...2100).contains(year)
        else { return nil }
        self.year = year
        self.half = half
    }

    public var firstMonth: LocalDate { LocalDate(year: year, month: half == 1 ? 1 : 7, day: 1)! }
    public var months: [LocalDate] { (0..<6).map { firstMonth.adding(months: $0) } }
    /// 103-1.5: by 20 July for the first half, by 20 January for the second.
    public var consolidatedDueOn: LocalDate {
        half == 1 ? LocalDate(year: year, month: 7, day: 20)! : LocalDate(year: year + 1, month: 1, day: 20)!
    }
}
