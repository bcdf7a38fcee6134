/// States of a license (DOMAIN.md §4.1). `terminated` and `deprived` are final.
/// A license has no expiry (142.4).
public enum LicenseStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case active
    case suspended
    case terminated
    case deprived

    public var isFinal: Bool { self == .terminated || self == .deprived }
}
