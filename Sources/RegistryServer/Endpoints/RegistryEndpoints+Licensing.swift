import Enforcement
import Licensing
import RegistryService
import RegistryStore
import RegistryWire

extension RegistryEndpoints: LicensingHandler {
    public func issueLicense(_ request: WireIssueLicenseRequest, context: CallContext) async throws -> WireIssueLicenseResponse {
        let command = IssueLicenseCommand(
            holderIIN: request.holderIin, issueDate: try DateMapping.optionalDate(request.issueDate, field: "issue_date"),
            district: request.district,
            basis: try LicenseMapping.basis(request.hasBasis ? request.basis : nil), licenseFeePaid: request.licenseFeePaid,
            historicalSource: request.historicalSource.isEmpty ? nil : request.historicalSource
        )
        let license = try await core.issueLicense(command, context: context.request)
        var response = WireIssueLicenseResponse()
        response.license = LicenseMapping.wire(license, revealIIN: true)
        return response
    }

    public func getLicense(_ request: WireGetLicenseRequest, context: CallContext) async throws -> WireGetLicenseResponse {
        let license = try await core.license(number: request.number, context: context.request)
        var response = WireGetLicenseResponse()
        response.license = LicenseMapping.wire(license, revealIIN: Self.revealsPersonalData(to: context.principal, holder: license.number))
        return response
    }

    public func listLicenses(_ request: WireListLicensesRequest, context: CallContext) async throws -> WireListLicensesResponse {
        let filter = LicenseFilter(
            status: try DateMapping.statusFilter(request.status), district: request.district.isEmpty ? nil : request.district,
            holderPrefix: request.holderPrefix.isEmpty ? nil : request.holderPrefix)
        let page = try await core.licenses(
            matching: filter, pageSize: Int(request.pageSize), pageToken: request.pageToken, context: context.request)
        var response = WireListLicensesResponse()
        response.licenses = page.licenses.map {
            LicenseMapping.wire($0, revealIIN: Self.revealsPersonalData(to: context.principal, holder: $0.number))
        }
        response.nextPageToken = page.nextPageToken ?? ""
        return response
    }
}
