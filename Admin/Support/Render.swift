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

    static func license(_ license: WireLicense) {
        Output.fields([
            ("Number", license.number), ("Holder", license.holderName), ("IIN", license.holderIin),
            ("District", license.district), ("Issued on", license.issuedOn), ("Status", status(license.status)),
            ("Basis", basis(license.basis)),
            ("Deprivation claim", license.deprivationClaimPending ? "pending" : ""),
        ])
        print("\nHistory")
        Output.table(["STATUS", "DECIDED", "EFFECTIVE", "UNTIL", "ARTICLE", "GROUND", "ACTOR"], license.history.map {
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
