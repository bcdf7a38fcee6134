import Enforcement
import Licensing
import RegistryService
import RegistryWire

/// License decisions (143, 144) and the as-of query.
extension RegistryEndpoints {
    public func suspendLicense(_ request: WireSuspendLicenseRequest, context: CallContext) async throws -> WireLicenseDecisionResponse {
        let command = SuspendLicenseCommand(number: request.number, ground: request.ground,
                                            termEnd: try DateMapping.optionalDate(request.termEnd, field: "term_end"), reasons: request.reasons,
                                            proposal: LicenseMapping.proposal(request.hasProposal ? request.proposal : nil),
                                            proposalID: request.proposalID == 0 ? nil : request.proposalID)
        return decision(try await core.suspendLicense(command, context: context.request))
    }

    public func reinstateLicense(_ request: WireReinstateLicenseRequest, context: CallContext) async throws -> WireLicenseDecisionResponse {
        decision(try await core.reinstateLicense(number: request.number, reasons: request.reasons, context: context.request))
    }

    public func getLicenseStatusAt(_ request: WireGetLicenseStatusAtRequest, context: CallContext) async throws -> WireGetLicenseStatusAtResponse {
        let (license, change) = try await core.licenseStatus(number: request.number, at: Instant(millisecondsSinceEpoch: request.atMs), context: context.request)
        var response = WireGetLicenseStatusAtResponse()
        if let change {
            response.status = LicenseMapping.status(change.status)
            let reveal = Self.revealsPersonalData(to: context.principal, holder: license.number)
            response.inForce = LicenseMapping.wire(license, revealIIN: reveal).history[license.history.firstIndex(of: change)!]
        }
        return response
    }

    private func decision(_ license: License) -> WireLicenseDecisionResponse {
        var response = WireLicenseDecisionResponse()
        response.license = LicenseMapping.wire(license, revealIIN: true)
        return response
    }
}
