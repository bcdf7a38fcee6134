import Enforcement
import Licensing
import RegistryWire

/// Wire ↔ domain for licenses.
enum LicenseMapping {
    static func status(_ status: LicenseStatus) -> WireLicenseStatus {
        switch status {
        case .active: return .active
        case .suspended: return .suspended
        case .terminated: return .terminated
        case .deprived: return .deprived
        }
    }

    static func status(_ wire: WireLicenseStatus) -> LicenseStatus? {
        switch wire {
        case .active: return .active
        case .suspended: return .suspended
        case .terminated: return .terminated
        case .deprived: return .deprived
        default: return nil
        }
    }

    static let exemptions: [(WireExemptionGround, ExemptionGround)] = [
        (.qualificationExam, .qualificationExam), (.judge, .judge),
        (.prosecutorOrInvestigator, .prosecutorOrInvestigator), (.stateEnforcementService, .stateEnforcementService),
    ]

    static func basis(_ wire: WireLicenseBasis?) throws(Rejection) -> LicenseBasis? {
        guard let wire, let kind = wire.kind else { return nil }
        switch kind {
        case .attestationReference(let reference):
            return .attestation(reference: reference, internshipEvidence: wire.evidence)
        case .exemption(let ground):
            guard let mapped = exemptions.first(where: { $0.0 == ground })?.1 else {
                throw Rejection.invalid("basis.exemption", "unknown exemption ground; 142.5 knows 1–4", article: "142.5")
            }
            return .exemption(mapped, evidence: wire.evidence)
        }
    }

    static func wire(_ basis: LicenseBasis) -> WireLicenseBasis {
        var b = WireLicenseBasis()
        switch basis {
        case .attestation(let reference, let internship):
            b.attestationReference = reference
            b.evidence = internship
        case .exemption(let ground, let evidence):
            b.exemption = exemptions.first(where: { $0.1 == ground })!.0
            b.evidence = evidence
        }
        return b
    }

    static let authors: [(WireProposalAuthor, ProposalAuthor)] = [
        (.territorialBody, .territorialBody), (.republicanChamber, .republicanChamber),
        (.regionalChamber, .regionalChamber), (.prosecutor, .prosecutor),
    ]

    /// A proposal given as a document reference; an unknown author is refused, not dropped.
    static func proposal(_ wire: WireProposalReference?) throws(Rejection) -> ProposalReference? {
        guard let wire, wire != WireProposalReference() else { return nil }
        guard let author = authors.first(where: { $0.0 == wire.author })?.1 else {
            throw Rejection.invalid(
                "proposal.author", "name the proposing body: territorial body, Republican Chamber, regional chamber or prosecutor",
                article: "144.3")
        }
        return ProposalReference(author: author, reference: wire.reference)
    }

    static func wire(_ proposal: ProposalReference) -> WireProposalReference {
        var p = WireProposalReference()
        p.author = authors.first(where: { $0.1 == proposal.author })!.0
        p.reference = proposal.reference
        return p
    }

    static let kinds: [(WireHistoryEntryKind, StatusChange.Kind)] = [
        (.issued, .issued), (.suspended, .suspended), (.suspendedOnApplication, .suspendedOnApplication),
        (.reinstated, .reinstated), (.resumedAfterMandate, .resumedAfterMandate), (.reinstatementRefused, .reinstatementRefused),
        (.terminated, .terminated), (.deprivationClaimFiled, .deprivationClaimFiled), (.deprived, .deprived),
        (.deprivationClaimDismissed, .deprivationClaimDismissed), (.annulled, .annulled),
    ]

    static func wire(_ license: License, revealIIN: Bool) -> WireLicense {
        var l = WireLicense()
        l.number = license.number.value
        l.holderIin = revealIIN ? license.holder.digits : license.holder.description
        l.holderName = license.holderName.description
        l.district = license.district
        l.issuedOn = license.issuedOn.description
        l.status = status(license.status)
        l.basis = wire(license.basis)
        l.deprivationClaimPending = license.deprivationClaimPending
        l.history = license.history.map { change in
            var c = WireStatusChange()
            c.status = status(change.status)
            c.decisionDate = change.decisionDate.description
            c.decidedAtMs = change.decidedAt.millisecondsSinceEpoch
            c.effectiveDate = change.effectiveDate.description
            c.legalBasis = change.legalBasis.reference
            c.groundCode = change.groundCode ?? ""
            c.actor = change.actor
            c.requestID = change.requestID
            c.termEnd = change.termEnd?.description ?? ""
            c.reasons = change.reasons ?? ""
            c.kind = kinds.first(where: { $0.1 == change.kind })!.0
            if let proposal = change.proposal { c.proposal = wire(proposal) }
            c.document = change.document ?? ""
            c.annulsEntry = Int32(change.annulsEntry ?? 0)
            return c
        }
        return l
    }
}
