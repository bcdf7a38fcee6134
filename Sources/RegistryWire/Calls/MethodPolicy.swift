/// Who may call a method and what kind of call it is, as the rpc's `(policy)` option in
/// Protocols/*.proto declares it (policy.proto). Generated into every `MethodDescriptor`,
/// so the server authorizes from the protocol itself and nothing keeps a copy by hand.
public struct MethodPolicy: Hashable, Sendable {
    /// The roles allowed when `anyRole` is false; every other role is denied.
    public let roles: Set<WireCallerRole>
    /// Every authenticated role may call the method.
    public let anyRole: Bool
    /// The method changes the register: audited with its outcome, honours an idempotency key.
    public let isMutation: Bool
    /// The article that reserves the method to its roles, quoted in a denial.
    public let article: String?

    public init(roles: Set<WireCallerRole> = [], anyRole: Bool = false, isMutation: Bool = false, article: String? = nil) {
        self.roles = roles
        self.anyRole = anyRole
        self.isMutation = isMutation
        self.article = article
    }

    /// Deny by default: an unspecified or unknown role is never allowed.
    public func allows(_ role: WireCallerRole) -> Bool {
        switch role {
        case .unspecified, .UNRECOGNIZED: false
        default: anyRole || roles.contains(role)
        }
    }
}
