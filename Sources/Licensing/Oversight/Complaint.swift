import Enforcement

/// A complaint about a bailiff's acts or inaction (162.1.2-2, 163-1.1.3-1, 168.2.4; DOMAIN.md
/// §3.41): recorded once, routed to the regional chamber and the territorial body of his
/// district, and closed with its outcome and what it led to.
public struct Complaint: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case open, closed
    }

    public var id: Int64
    public let licenseNumber: LicenseNumber
    public let receivedOn: LocalDate
    public let complainant: String
    public let summary: String
    /// The district whose regional chamber and territorial body examine it.
    public let district: String
    public var status: Status
    public var outcome: String?
    /// What it led to: an unscheduled inspection (169.4 ¶2) or a disciplinary proceeding (168.1.3).
    public var inspectionID: Int64?
    public var disciplinaryProceedingID: Int64?

    public init(
        id: Int64, licenseNumber: LicenseNumber, receivedOn: LocalDate, complainant: String, summary: String, district: String,
        status: Status, outcome: String?, inspectionID: Int64?, disciplinaryProceedingID: Int64?
    ) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.receivedOn = receivedOn
        self.complainant = complainant
        self.summary = summary
        self.district = district
        self.status = status
        self.outcome = outcome
        self.inspectionID = inspectionID
        self.disciplinaryProceedingID = disciplinaryProceedingID
    }
}
