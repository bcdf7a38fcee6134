import Enforcement
import Licensing
import RegistryService
import RegistryWire

extension RegistryEndpoints: ProposalsHandler {
    public func submitProposal(_ request: WireSubmitProposalRequest, context: CallContext) async throws -> WireSubmitProposalResponse {
        let proposal = try await core.submitProposal(
            licenseNumber: request.licenseNumber, ground: request.ground, facts: request.facts, context: context.request)
        var response = WireSubmitProposalResponse()
        response.proposal = ProposalMapping.wire(proposal)
        return response
    }

    public func listProposals(_ request: WireListProposalsRequest, context: CallContext) async throws -> WireListProposalsResponse {
        let state = ProposalMapping.states.first { $0.0 == request.state }?.1
        var response = WireListProposalsResponse()
        response.proposals = try await core.proposals(state: state, licenseNumber: request.licenseNumber, context: context.request).map(
            ProposalMapping.wire)
        return response
    }

    public func runMonitors(_ request: WireRunMonitorsRequest, context: CallContext) async throws -> WireRunMonitorsResponse {
        var response = WireRunMonitorsResponse()
        response.drafts = try await core.runMonitors(
            asOf: try DateMapping.optionalDate(request.asOf, field: "as_of"), context: context.request
        ).map(ProposalMapping.wire)
        return response
    }

    public func submitDraftProposal(_ request: WireSubmitDraftProposalRequest, context: CallContext) async throws
        -> WireSubmitProposalResponse
    {
        var response = WireSubmitProposalResponse()
        response.proposal = ProposalMapping.wire(try await core.submitDraftProposal(id: request.id, context: context.request))
        return response
    }

    public func withdrawDraftProposal(_ request: WireWithdrawDraftProposalRequest, context: CallContext) async throws
        -> WireDeclineProposalResponse
    {
        var response = WireDeclineProposalResponse()
        response.proposal = ProposalMapping.wire(
            try await core.withdrawDraftProposal(id: request.id, reasons: request.reasons, context: context.request))
        return response
    }

    public func declineProposal(_ request: WireDeclineProposalRequest, context: CallContext) async throws -> WireDeclineProposalResponse {
        var response = WireDeclineProposalResponse()
        response.proposal = ProposalMapping.wire(
            try await core.declineProposal(id: request.id, reasons: request.reasons, context: context.request))
        return response
    }
}

/// Wire form of proposals.
enum ProposalMapping {
    static let states: [(WireProposalState, Proposal.State)] = [
        (.draft, .draft), (.pending, .pending), (.accepted, .accepted), (.declined, .declined), (.withdrawn, .withdrawn),
    ]

    static func wire(_ proposal: Proposal) -> WireProposal {
        var p = WireProposal()
        p.id = proposal.id
        p.licenseNumber = proposal.licenseNumber.value
        p.author = LicenseMapping.authors.first(where: { $0.1 == proposal.author })!.0
        p.authorIdentity = proposal.authorIdentity
        p.ground = proposal.ground.rawValue
        p.facts = proposal.facts
        p.submittedAtMs = proposal.submittedAt.millisecondsSinceEpoch
        p.state = states.first { $0.1 == proposal.state }!.0
        p.decisionReasons = proposal.decisionReasons ?? ""
        p.decidedAtMs = proposal.decidedAt?.millisecondsSinceEpoch ?? 0
        return p
    }
}
