import Enforcement
import Licensing
import RegistryService
import RegistryStore
import RegistryWire

/// Implements the generated handler protocols on top of `RegistryCore`:
/// decode wire → command, call the use case, encode the result. Nothing else.
public struct RegistryEndpoints: Sendable {
    let core: RegistryCore
    let version: String
    /// Signs the audit chain's checkpoints; nil when this server signs none.
    let checkpoints: AuditCheckpointer?

    public init(core: RegistryCore, version: String, checkpoints: AuditCheckpointer? = nil) {
        self.core = core
        self.version = version
        self.checkpoints = checkpoints
    }

    /// Every method of every service, from the generated registrations: each call authorized
    /// from its policy and checked for a misplaced idempotency key before its payload is
    /// decoded, and audited if refused.
    public var methodTable: MethodTable {
        var table = MethodTable(guards: [AuthorizationGuard(), IdempotencyGuard()], observers: [AuditObserver(core: core)])
        (self as any HealthHandler).register(in: &table)
        (self as any RegistryHandler).register(in: &table)
        (self as any LicensingHandler).register(in: &table)
        (self as any ProposalsHandler).register(in: &table)
        (self as any DisciplineHandler).register(in: &table)
        (self as any ProceedingsHandler).register(in: &table)
        (self as any ChamberHandler).register(in: &table)
        (self as any InspectionsHandler).register(in: &table)
        (self as any CandidatesHandler).register(in: &table)
        return table
    }

    /// Bailiffs see personal data only in their own record; the bodies of §2.13 see it all.
    static func revealsPersonalData(to principal: Principal, holder license: LicenseNumber? = nil) -> Bool {
        principal.role != .bailiff || (license != nil && principal.licenseNumber == license)
    }
}
