import Enforcement
import Licensing
import RegistryService
import RegistryWire

/// License decisions (143, 144): each decodes its request and calls its use case.
extension RegistryEndpoints {
    public func suspendLicense(_ request: WireSuspendLicenseRequest, context: CallContext) async throws -> WireLicenseDecisionResponse {
        let command = SuspendLicenseCommand(
            number: request.number, ground: request.ground,
            termEnd: try DateMapping.optionalDate(request.termEnd, field: "term_end"), reasons: request.reasons,
            proposal: try LicenseMapping.proposal(request.hasProposal ? request.proposal : nil),
            proposalID: request.proposalID == 0 ? nil : request.proposalID)
        return decision(try await core.suspendLicense(command, context: context.request))
    }

    public func suspendOnOwnApplication(_ request: WireSuspendOnOwnApplicationRequest, context: CallContext) async throws
        -> WireLicenseDecisionResponse
    {
        decision(
            try await core.suspendOnOwnApplication(
                number: request.number, application: request.application, reasons: request.reasons, context: context.request))
    }

    public func reinstateLicense(_ request: WireReinstateLicenseRequest, context: CallContext) async throws -> WireLicenseDecisionResponse {
        decision(try await core.reinstateLicense(number: request.number, reasons: request.reasons, context: context.request))
    }

    public func resumeAfterMandate(_ request: WireLicenseDecisionRequest, context: CallContext) async throws -> WireLicenseDecisionResponse
    {
        decision(try await core.resumeAfterMandate(number: request.number, reasons: request.reasons, context: context.request))
    }

    public func refuseReinstatement(_ request: WireLicenseDecisionRequest, context: CallContext) async throws -> WireLicenseDecisionResponse
    {
        decision(try await core.refuseReinstatement(number: request.number, reasons: request.reasons, context: context.request))
    }

    public func terminateLicense(_ request: WireTerminateLicenseRequest, context: CallContext) async throws -> WireLicenseDecisionResponse {
        let command = TerminationCommand(
            number: request.number, ground: request.ground, reasons: request.reasons,
            proposal: try LicenseMapping.proposal(request.hasProposal ? request.proposal : nil),
            proposalID: request.proposalID, document: request.application)
        return decision(try await core.terminateLicense(command, context: context.request))
    }

    public func fileDeprivationClaim(_ request: WireFileDeprivationClaimRequest, context: CallContext) async throws
        -> WireLicenseDecisionResponse
    {
        let command = TerminationCommand(
            number: request.number, ground: request.ground, reasons: request.reasons,
            proposal: try LicenseMapping.proposal(request.hasProposal ? request.proposal : nil),
            proposalID: request.proposalID, document: request.claim)
        return decision(try await core.fileDeprivationClaim(command, context: context.request))
    }

    public func recordCourtDecision(_ request: WireRecordCourtDecisionRequest, context: CallContext) async throws
        -> WireLicenseDecisionResponse
    {
        let command = CourtActCommand(
            number: request.number, courtAct: request.courtAct,
            inForceOn: try DateMapping.requiredDate(request.inForceOn, field: "in_force_on", article: "144.2"), reasons: request.reasons)
        return decision(try await core.recordCourtDecision(command, granted: request.granted, context: context.request))
    }

    public func recordCourtAnnulment(_ request: WireRecordCourtAnnulmentRequest, context: CallContext) async throws
        -> WireLicenseDecisionResponse
    {
        let command = CourtActCommand(
            number: request.number, courtAct: request.courtAct,
            inForceOn: try DateMapping.requiredDate(request.inForceOn, field: "in_force_on", article: "143.8"), reasons: request.reasons)
        return decision(try await core.recordCourtAnnulment(command, entry: Int(request.entry), context: context.request))
    }

    private func decision(_ license: License) -> WireLicenseDecisionResponse {
        var response = WireLicenseDecisionResponse()
        response.license = LicenseMapping.wire(license, revealIIN: true)
        return response
    }
}
