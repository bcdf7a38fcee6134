import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// The proposing body a caller speaks for, from its certificate's role.
    static func proposalAuthor(of principal: Principal) -> ProposalAuthor? {
        switch principal.role {
        case .territorialBody: return .territorialBody
        case .republicanChamber: return .republicanChamber
        case .regionalChamber: return .regionalChamber
        case .prosecutor: return .prosecutor
        default: return nil
        }
    }

    /// A representation to the Ministry (143.1, 144.3); its author is the caller.
    public func submitProposal(licenseNumber text: String, ground: String, facts: String, context: RequestContext) async throws -> Proposal
    {
        try await mutate(context: context, subject: { "proposal:\($0.id)" }) { tx, now in
            guard let author = Self.proposalAuthor(of: context.principal) else {
                throw Rejection(
                    .permissionDenied, reason: "ROLE_NOT_ALLOWED",
                    message: "role \(context.principal.role.rawValue) does not submit proposals", article: "144.3")
            }
            let license = try Self.requireLicense(text, field: "license_number", tx: tx)
            // Art. 162, 168: a regional chamber or territorial body proposes on bailiffs of its own region.
            try Self.requireOwnRegion(context.principal, license: license, article: license.status == .active ? "143.1" : "144.3")
            let number = license.number
            let proposal = try Proposal.submit(
                on: license, ground: ground, facts: facts, author: author, authorIdentity: context.principal.uri, at: now)
            let stored = try tx.insert(proposal)
            try tx.appendOutbox(
                eventType: "proposal.submitted", subject: number.value,
                payload: #"{"id":\#(stored.id),"license":"\#(number)","ground":"\#(stored.ground.rawValue)"}"#, at: now)
            return stored
        }
    }

    /// The Ministry and auditors see all proposals; a proposing body sees its own.
    public func proposals(state: Proposal.State?, licenseNumber text: String?, context: RequestContext) async throws -> [Proposal] {
        var filter = ProposalFilter(state: state)
        if let text, !text.isEmpty {
            let number = try LicenseNumber.parse(text, field: "license_number")
            filter.licenseNumber = number
        }
        if context.principal.role != .ministry && context.principal.role != .auditor {
            filter.authorIdentity = context.principal.uri
            filter.draftsFor = Self.proposalAuthor(of: context.principal)
        }
        let matching = filter
        return try await store.read { try $0.proposals(matching: matching, limit: 500) }
    }

    /// The Ministry declines a pending proposal, with reasons.
    public func declineProposal(id: Int64, reasons: String, context: RequestContext) async throws -> Proposal {
        try await mutate(context: context, subject: { "proposal:\($0.id)" }) { tx, now in
            let declined = try Self.requireProposal(id, tx: tx).declined(reasons: reasons, at: now)
            try tx.update(declined)
            return declined
        }
    }

    /// The body named as a draft's author submits it to the Ministry (143.1, 144.3).
    public func submitDraftProposal(id: Int64, context: RequestContext) async throws -> Proposal {
        try await mutate(context: context, subject: { "proposal:\($0.id)" }) { tx, now in
            let draft = try Self.requireProposal(id, tx: tx)
            guard let author = Self.proposalAuthor(of: context.principal) else {
                throw Rejection(
                    .permissionDenied, reason: "ROLE_NOT_ALLOWED",
                    message: "role \(context.principal.role.rawValue) does not submit proposals", article: "144.3")
            }
            try Self.requireOwnRegion(
                context.principal, license: try Self.requireLicense(draft.licenseNumber, tx: tx), article: "168.1.2-1")
            let submitted = try draft.submittedDraft(by: author, identity: context.principal.uri, at: now)
            try tx.update(submitted, from: .draft)
            try tx.appendOutbox(
                eventType: "proposal.submitted", subject: submitted.licenseNumber.value,
                payload: #"{"id":\#(submitted.id),"license":"\#(submitted.licenseNumber)","ground":"\#(submitted.ground.rawValue)"}"#,
                at: now)
            return submitted
        }
    }

    /// The body named as a draft's author decides not to submit it, with reasons.
    public func withdrawDraftProposal(id: Int64, reasons: String, context: RequestContext) async throws -> Proposal {
        try await mutate(context: context, subject: { "proposal:\($0.id)" }) { tx, now in
            let draft = try Self.requireProposal(id, tx: tx)
            guard let author = Self.proposalAuthor(of: context.principal) else {
                throw Rejection(
                    .permissionDenied, reason: "ROLE_NOT_ALLOWED",
                    message: "role \(context.principal.role.rawValue) does not handle proposals", article: "144.3")
            }
            try Self.requireOwnRegion(
                context.principal, license: try Self.requireLicense(draft.licenseNumber, tx: tx), article: "168.1.2-1")
            let withdrawn = try draft.withdrawnDraft(by: author, reasons: reasons, at: now)
            try tx.update(withdrawn, from: .draft)
            return withdrawn
        }
    }

    static func requireProposal(_ id: Int64, tx: StoreTransaction) throws -> Proposal {
        guard let proposal = try tx.proposal(id) else {
            throw Rejection(.notFound, reason: "PROPOSAL_NOT_FOUND", message: "no proposal \(id)")
        }
        return proposal
    }
}
