/// The roles a caller can hold, read from its client certificate (DOMAIN.md §2).
public enum Role: String, Hashable, Sendable, CaseIterable, Codable {
    /// The authorized body (Ministry of Justice).
    case ministry
    /// A territorial body of the Ministry; scoped to a region.
    case territorialBody
    case attestationCommission
    case republicanChamber
    /// A regional chamber; scoped to a region.
    case regionalChamber
    case prosecutor
    /// A private bailiff; identified by license number.
    case bailiff
    /// Read-only oversight and audit.
    case auditor
    /// Another system (e.g. the enforcement information system).
    case system

    /// Whether a certificate for this role must name a region.
    /// Roles whose identity names a region they act for (141.1: a commission per region).
    public var isRegional: Bool { self == .territorialBody || self == .regionalChamber || self == .attestationCommission }
}
