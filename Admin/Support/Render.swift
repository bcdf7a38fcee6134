import Foundation
import Licensing
import RegistryWire

/// Human names for wire enums and the license view shared by several commands.
enum Render {
    static func status(_ status: WireLicenseStatus) -> String {
        switch status {
        case .active: return "active"
        case .suspended: return "suspended"
        case .terminated: return "terminated"
        case .deprived: return "deprived"
        default: return "unspecified"
        }
    }

    static func basis(_ basis: WireLicenseBasis) -> String {
        switch basis.kind {
        case .attestationReference(let reference): return "attestation \(reference) (internship \(basis.evidence))"
        case .exemption(let ground): return "exemption \(ExemptionArgument.article(of: ground)) (\(basis.evidence))"
        case nil: return ""
        }
    }

    static func kind(_ kind: WireHistoryEntryKind) -> String {
        switch kind {
        case .issued: return "issued"
        case .suspended: return "suspended"
        case .suspendedOnApplication: return "suspended on application"
        case .reinstated: return "reinstated"
        case .resumedAfterMandate: return "resumed after mandate"
        case .reinstatementRefused: return "reinstatement refused"
        case .terminated: return "terminated"
        case .deprivationClaimFiled: return "deprivation claim filed"
        case .deprived: return "deprived by court"
        case .deprivationClaimDismissed: return "claim dismissed by court"
        case .annulled: return "annulled by court"
        default: return "unspecified"
        }
    }

    /// One history entry as a paragraph: what, when, on what basis, why, on whose proposal, by whom.
    static func entry(_ change: WireStatusChange, position: Int) -> String {
        var head = "#\(position) \(kind(change.kind))"
        if change.kind == .annulled { head += " entry #\(change.annulsEntry)" }
        head += " → \(status(change.status)), effective \(change.effectiveDate) (Art. \(change.legalBasis))"
        var lines = [head]
        if let ground = LicenseGround(rawValue: change.groundCode) { lines.append("   ground: \(ground.rawValue), \(ground.summary)") }
        if !change.termEnd.isEmpty { lines.append("   term until: \(change.termEnd)") }
        if !change.reasons.isEmpty { lines.append("   reasons: \(change.reasons)") }
        if change.hasProposal { lines.append("   on the proposal of the \(author(change.proposal.author)): \(change.proposal.reference)") }
        if !change.document.isEmpty { lines.append("   document: \(change.document)") }
        let decided = Date(timeIntervalSince1970: Double(change.decidedAtMs) / 1000)
        lines.append("   recorded \(moment(decided)) by \(change.actor)")
        return lines.joined(separator: "\n")
    }

    static func author(_ author: WireProposalAuthor) -> String {
        switch author {
        case .territorialBody: return "territorial body"
        case .republicanChamber: return "Republican Chamber"
        case .regionalChamber: return "regional chamber"
        case .prosecutor: return "prosecutor"
        default: return "unknown body"
        }
    }

    /// A moment in Kazakhstan time (UTC+5), as clerks read it.
    static func moment(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 5 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    static func license(_ license: WireLicense) {
        Output.fields([
            ("Number", license.number), ("Holder", license.holderName), ("IIN", license.holderIin),
            ("District", license.district), ("Issued on", license.issuedOn), ("Status", status(license.status)),
            ("Basis", basis(license.basis)),
            ("Deprivation claim", license.deprivationClaimPending ? "pending" : ""),
        ])
        print("\nHistory")
        Output.table(
            ["STATUS", "DECIDED", "EFFECTIVE", "UNTIL", "ARTICLE", "GROUND", "ACTOR"],
            license.history.map {
                [status($0.status), $0.decisionDate, $0.effectiveDate, $0.termEnd, $0.legalBasis, $0.groundCode, $0.actor]
            })
    }
}

/// The four exemption grounds of Art. 142.5 as CLI words.
enum ExemptionArgument: String, CaseIterable {
    case qualificationExam = "qualification-exam"
    case judge
    case prosecutorOrInvestigator = "prosecutor-or-investigator"
    case stateEnforcementService = "state-enforcement-service"

    var wire: WireExemptionGround {
        switch self {
        case .qualificationExam: return .qualificationExam
        case .judge: return .judge
        case .prosecutorOrInvestigator: return .prosecutorOrInvestigator
        case .stateEnforcementService: return .stateEnforcementService
        }
    }

    static func article(of ground: WireExemptionGround) -> String {
        switch ground {
        case .qualificationExam: return "142.5.1"
        case .judge: return "142.5.2"
        case .prosecutorOrInvestigator: return "142.5.3"
        case .stateEnforcementService: return "142.5.4"
        default: return "?"
        }
    }
}
