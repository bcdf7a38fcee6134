/// Every operation the registry offers, as the authorization table names it.
/// The server maps each wire method to exactly one operation.
public enum Operation: String, Hashable, Sendable, CaseIterable {
    case healthCheck = "Health/Check"
    case registerPerson = "Registry/RegisterPerson"
    case getPerson = "Registry/GetPerson"
    case getBailiff = "Registry/GetBailiff"
    case listDistricts = "Registry/ListDistricts"
    case issueLicense = "Licensing/IssueLicense"
    case getLicense = "Licensing/GetLicense"
    case listLicenses = "Licensing/ListLicenses"
    case suspendLicense = "Licensing/SuspendLicense"
    case reinstateLicense = "Licensing/ReinstateLicense"
    case getLicenseStatusAt = "Licensing/GetLicenseStatusAt"
    case submitProposal = "Proposals/SubmitProposal"
    case listProposals = "Proposals/ListProposals"
    case declineProposal = "Proposals/DeclineProposal"

    /// Mutations are audited with their outcome and accept an idempotency key.
    public var isMutation: Bool {
        switch self {
        case .registerPerson, .issueLicense, .suspendLicense, .reinstateLicense, .submitProposal, .declineProposal: return true
        default: return false
        }
    }
}
