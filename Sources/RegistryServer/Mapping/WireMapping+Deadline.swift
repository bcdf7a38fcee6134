import Enforcement
import Licensing
import RegistryStore
import RegistryWire

/// Stored deadlines on the wire.
enum DeadlineMapping {
    static func kind(_ kind: LicenseDeadline.Kind) -> WireDeadlineKind {
        switch kind {
        case .bailiffHandover: return .bailiffHandover
        case .chamberTransferMeasures: return .chamberTransferMeasures
        case .suspensionTermReview: return .suspensionTermReview
        }
    }

    static func wire(_ stored: StoredDeadline) -> WireDeadline {
        var d = WireDeadline()
        d.id = stored.id
        d.kind = kind(stored.deadline.kind)
        d.licenseNumber = stored.deadline.licenseNumber.value
        d.entry = Int32(stored.deadline.entry ?? 0)
        d.owner = stored.deadline.owner
        d.dueOn = stored.deadline.dueOn.description
        d.legalBasis = stored.deadline.kind.article.reference
        d.setAtMs = stored.setAt.millisecondsSinceEpoch
        d.closedAtMs = stored.closedAt?.millisecondsSinceEpoch ?? 0
        d.closedBy = stored.closedBy ?? ""
        d.alertedAtMs = stored.alertedAt?.millisecondsSinceEpoch ?? 0
        return d
    }
}
