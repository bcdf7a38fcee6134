import Enforcement
import Licensing

/// Who is calling, as established by the verified client certificate.
///
/// Identity scheme (a SPIFFE-style URI SAN, one per certificate):
/// ```
/// spiffe://registry.bailiff.kz/role/<role>
/// spiffe://registry.bailiff.kz/role/<territorialBody|regionalChamber|attestationCommission>/region/<district-code>
/// spiffe://registry.bailiff.kz/role/bailiff/license/<license-number>
/// ```
/// An optional trailing `/name/<label>` distinguishes several certificates of one role.
public struct Principal: Hashable, Sendable, CustomStringConvertible {
    public static let trustDomain = "registry.bailiff.kz"

    public let role: Role
    public let region: String?
    public let licenseNumber: LicenseNumber?
    public let label: String?

    public init(role: Role, region: String? = nil, licenseNumber: LicenseNumber? = nil, label: String? = nil) {
        self.role = role
        self.region = region
        self.licenseNumber = licenseNumber
        self.label = label
    }

    /// The region a territorial body, regional chamber or attestation commission acts for; nil for the bodies of the whole Republic.
    public var regionalScope: String? {
        role.isRegional ? region : nil
    }

    /// The canonical URI, which is also what the audit log records as the actor.
    public var uri: String {
        var s = "spiffe://\(Principal.trustDomain)/role/\(role.rawValue)"
        if let region { s += "/region/\(region)" }
        if let licenseNumber { s += "/license/\(licenseNumber.value)" }
        if let label { s += "/name/\(label)" }
        return s
    }

    public var description: String { uri }

    public struct InvalidIdentity: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Parses and checks the URI: a known role, the region a regional role
    /// needs (an existing district), the license number a bailiff needs.
    public init(uri: String) throws(InvalidIdentity) {
        let prefix = "spiffe://\(Principal.trustDomain)/"
        guard uri.hasPrefix(prefix) else {
            throw InvalidIdentity(description: "identity URI must start with \(prefix)")
        }
        let parts = uri.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count % 2 == 0, !parts.isEmpty else {
            throw InvalidIdentity(description: "identity URI must be key/value segments: \(uri)")
        }
        var values: [String: String] = [:]
        for i in stride(from: 0, to: parts.count, by: 2) {
            guard !parts[i + 1].isEmpty, values[parts[i]] == nil else {
                throw InvalidIdentity(description: "empty or repeated segment '\(parts[i])' in \(uri)")
            }
            values[parts[i]] = parts[i + 1]
        }
        guard let roleName = values.removeValue(forKey: "role"), let role = Role(rawValue: roleName) else {
            throw InvalidIdentity(
                description: "unknown or missing role in \(uri); roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let region = values.removeValue(forKey: "region")
        let license = values.removeValue(forKey: "license")
        let label = values.removeValue(forKey: "name")
        guard values.isEmpty else {
            throw InvalidIdentity(description: "unknown segment(s) \(values.keys.sorted().joined(separator: ", ")) in \(uri)")
        }
        if role.isRegional {
            guard let region, EnforcementDistrict.named(region)?.code == region else {
                throw InvalidIdentity(description: "role \(role.rawValue) needs /region/<district code> naming one of the 20 districts")
            }
        } else if region != nil {
            throw InvalidIdentity(description: "role \(role.rawValue) takes no region")
        }
        var number: LicenseNumber?
        if role == .bailiff {
            guard let license, let parsed = LicenseNumber(license) else {
                throw InvalidIdentity(description: "role bailiff needs /license/<YYYY-NNNNNN>")
            }
            number = parsed
        } else if license != nil {
            throw InvalidIdentity(description: "role \(role.rawValue) takes no license number")
        }
        self.init(role: role, region: region, licenseNumber: number, label: label)
    }
}
