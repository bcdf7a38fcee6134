import RegistryService
import RegistryWire

extension WireCallerRole {
    /// The protocol's name for a certificate's role. Exhaustive, so a new role cannot
    /// be added without deciding what the method policies say about it.
    init(_ role: Role) {
        self =
            switch role {
            case .ministry: .ministry
            case .territorialBody: .territorialBody
            case .attestationCommission: .attestationCommission
            case .republicanChamber: .republicanChamber
            case .regionalChamber: .regionalChamber
            case .prosecutor: .prosecutor
            case .bailiff: .bailiff
            case .auditor: .auditor
            case .system: .system
            }
    }
}
