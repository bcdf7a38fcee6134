import Enforcement
import Licensing
import RegistryService
import RegistryWire

/// What the register answers about licenses over time.
extension RegistryEndpoints {
    public func getLicenseStatusAt(_ request: WireGetLicenseStatusAtRequest, context: CallContext) async throws
        -> WireGetLicenseStatusAtResponse
    {
        let (license, change) = try await core.licenseStatus(
            number: request.number, at: Instant(millisecondsSinceEpoch: request.atMs), context: context.request)
        var response = WireGetLicenseStatusAtResponse()
        if let change {
            response.status = LicenseMapping.status(change.status)
            let reveal = Self.revealsPersonalData(to: context.principal, holder: license.number)
            response.inForce = LicenseMapping.wire(license, revealIIN: reveal).history[license.history.firstIndex(of: change)!]
        }
        return response
    }

    public func getLicenseHistory(_ request: WireGetLicenseHistoryRequest, context: CallContext) async throws
        -> WireGetLicenseHistoryResponse
    {
        let (license, deadlines) = try await core.licenseHistory(number: request.number, context: context.request)
        var response = WireGetLicenseHistoryResponse()
        response.license = LicenseMapping.wire(license, revealIIN: Self.revealsPersonalData(to: context.principal, holder: license.number))
        response.deadlines = deadlines.map(DeadlineMapping.wire)
        return response
    }

    public func mayPractise(_ request: WireMayPractiseRequest, context: CallContext) async throws -> WireMayPractiseResponse {
        let at = request.atMs == 0 ? nil : Instant(millisecondsSinceEpoch: request.atMs)
        let assessment = try await core.mayPractise(
            iin: request.bailiffIin, licenseNumber: request.licenseNumber, at: at, context: context.request)
        var response = WireMayPractiseResponse()
        response.mayPractise = assessment.mayPractise
        response.licenseNumber = assessment.license?.number.value ?? ""
        response.conditions = assessment.checks.map { check in
            var c = WirePracticeCondition()
            c.condition = check.condition.rawValue
            c.legalBasis = check.condition.article.reference
            switch check.outcome {
            case .met: c.outcome = .met
            case .notMet(let detail):
                c.outcome = .notMet
                c.detail = detail
            case .notRecorded:
                c.outcome = .notRecorded
                c.detail = "no \(check.condition.recordName) on record: he may not practise until it is recorded"
            }
            return c
        }
        return response
    }

    public func publicRegister(_ request: WirePublicRegisterRequest, context: CallContext) async throws -> WirePublicRegisterResponse {
        let (entries, next) = try await core.publicRegister(
            status: try DateMapping.statusFilter(request.status), pageSize: Int(request.pageSize),
            pageToken: request.pageToken, context: context.request)
        var response = WirePublicRegisterResponse()
        response.entries = entries.map { entry in
            var e = WirePublicRegisterEntry()
            e.holderName = entry.holderName
            e.licenseNumber = entry.licenseNumber.value
            e.issuedOn = entry.issuedOn.description
            e.status = LicenseMapping.status(entry.status)
            e.statusSince = entry.statusSince?.description ?? ""
            e.district = entry.district
            return e
        }
        response.nextPageToken = next ?? ""
        return response
    }

    public func listDeadlines(_ request: WireListDeadlinesRequest, context: CallContext) async throws -> WireListDeadlinesResponse {
        let deadlines = try await core.deadlines(
            licenseNumber: request.licenseNumber,
            overdueOn: try DateMapping.optionalDate(request.overdueOn, field: "overdue_on"), context: context.request)
        var response = WireListDeadlinesResponse()
        response.deadlines = deadlines.map(DeadlineMapping.wire)
        return response
    }
}
