import Enforcement
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf

/// Wire ↔ domain for enforcement proceedings.
enum ProceedingMapping {
    static func draft(_ r: WireProceedingRecord) -> ProceedingDraft {
        var d = ProceedingDraft()
        d.number = r.number
        d.documentKind = r.documentKind
        d.documentReference = r.documentReference
        d.debtorKind = r.debtorKind
        d.subject = r.subject
        d.inFavourOfState = r.inFavourOfState
        d.category = r.category
        d.creditorKind = r.creditorKind
        d.creditorName = r.creditorName
        d.creditorIdentifier = r.creditorIdentifier
        d.creditorContact = r.creditorContact
        d.debtorPartyKind = r.debtorPartyKind
        d.debtorName = r.debtorName
        d.debtorIdentifier = r.debtorIdentifier
        d.debtorContact = r.debtorContact
        d.debtorDistrict = r.debtorDistrict
        d.debtorUnit = r.debtorUnit
        d.amount = r.amount
        d.openedOn = r.openedOn
        d.holderLicense = r.holderLicense
        d.advancePaid = r.advancePaid
        d.advanceUsed = r.advanceUsed
        d.lastMeasureOn = r.lastMeasureOn
        return d
    }

    static func wire(_ p: EnforcementProceeding) -> WireProceeding {
        var r = WireProceedingRecord()
        r.number = p.number
        r.documentKind = p.document.kind.rawValue
        r.documentReference = p.document.reference
        r.debtorKind = p.document.debtorKind.rawValue
        r.subject = p.document.subject.rawValue
        r.inFavourOfState = p.document.inFavourOfState
        r.category = p.category.rawValue
        r.creditorKind = p.creditor.kind.rawValue
        r.creditorName = p.creditor.name
        r.creditorIdentifier = p.creditor.identifier
        r.creditorContact = p.creditor.contact
        r.debtorPartyKind = p.debtor.kind.rawValue
        r.debtorName = p.debtor.name
        r.debtorIdentifier = p.debtor.identifier
        r.debtorContact = p.debtor.contact
        r.debtorDistrict = p.debtorLocation.district
        r.debtorUnit = p.debtorLocation.unit
        r.amount = p.amount.description
        r.openedOn = p.openedOn.description
        if case .bailiff(let license) = p.holder { r.holderLicense = license }
        r.advancePaid = p.advancePaid.description
        r.advanceUsed = p.advanceUsed.description
        r.lastMeasureOn = p.lastMeasureOn?.description ?? ""
        r.firstMeasureOn = p.firstMeasureOn?.description ?? ""
        r.standingMeasureSince = p.standingMeasureSince?.description ?? ""
        var w = WireProceeding()
        w.record = r
        w.district = p.district
        w.holder = p.holder.description
        w.status = p.status.rawValue
        return w
    }

    static func wire(_ a: StoredAssignment) -> WireAssignment {
        var w = WireAssignment()
        w.holder = a.holder.description
        w.reason = a.reason
        w.jobID = a.jobID ?? 0
        w.atMs = a.at.millisecondsSinceEpoch
        return w
    }

    static func wire(_ job: TransferJob) -> WireTransferJob {
        var w = WireTransferJob()
        w.id = job.id
        w.licenseNumber = job.licenseNumber
        w.trigger = job.trigger
        w.triggerEntry = Int32(job.triggerEntry ?? 0)
        w.triggerReference = job.triggerReference ?? ""
        w.district = job.district
        w.seed = job.seed
        w.policyVersion = job.policy.version
        w.state = job.state.rawValue
        w.total = UInt32(job.total)
        w.reassigned = UInt32(job.reassigned)
        w.stranded = UInt32(job.stranded)
        w.createdAtMs = job.createdAt.millisecondsSinceEpoch
        w.finishedAtMs = job.finishedAt?.millisecondsSinceEpoch ?? 0
        w.quarantined = UInt32(job.quarantined)
        w.lastError = job.lastError ?? ""
        w.round = UInt32(job.round)
        return w
    }

    static func wire(_ job: TransferJob, quarantine: [(number: String, reason: String)]) -> WireTransferJob {
        var w = wire(job)
        w.quarantine = quarantine.map { item in
            .with {
                $0.number = item.number
                $0.reason = item.reason
            }
        }
        return w
    }

    static func wire(_ r: StoredReplacement) -> WireTemporaryReplacement {
        var w = WireTemporaryReplacement()
        w.id = r.id
        w.replacedLicense = r.replacedLicense
        w.substituteLicense = r.substituteLicense
        w.ground = r.ground
        w.from = r.from.description
        w.to = r.to.description
        w.reference = r.reference
        w.recordedBy = r.recordedBy
        w.state = r.state.rawValue
        return w
    }
}
