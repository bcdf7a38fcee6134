import Enforcement
import Licensing
import RegistryService
import RegistryWire
import SwiftProtobuf

/// Chamber/…Assistant… (156) and the register of ID cards and seals (154, 144.4).
extension RegistryEndpoints {
    public func registerAssistant(_ request: WireRegisterAssistantRequest, context: CallContext) async throws -> WireAssistantResponse {
        Self.response(
            try await core.registerAssistant(
                iin: request.iin, employerLicense: request.employerLicense, contract: request.contract,
                employedFrom: try DateMapping.optionalDate(request.employedFrom, field: "employed_from"), certificate: request.certificate,
                certificateOn: try DateMapping.requiredDate(request.certificateOn, field: "certificate_on", article: "156.2"),
                programme: request.programme, context: context.request))
    }

    public func endAssistant(_ request: WireEndAssistantRequest, context: CallContext) async throws -> WireAssistantResponse {
        Self.response(
            try await core.endAssistant(
                id: request.id, on: try DateMapping.optionalDate(request.on, field: "on"), reason: request.reason,
                context: context.request))
    }

    public func listAssistants(_ request: WireListAssistantsRequest, context: CallContext) async throws -> WireListAssistantsResponse {
        var response = WireListAssistantsResponse()
        response.assistants = try await core.assistants(
            employerLicense: request.employerLicense, iin: request.iin, context: context.request
        ).map(Self.wire)
        return response
    }

    public func issueServiceDocument(_ request: WireIssueServiceDocumentRequest, context: CallContext) async throws
        -> WireServiceDocumentResponse
    {
        Self.response(
            try await core.issueServiceDocument(
                license: request.licenseNumber, kind: request.kind, number: request.number,
                issuedOn: try DateMapping.optionalDate(request.issuedOn, field: "issued_on"), context: context.request))
    }

    public func destroyServiceDocument(_ request: WireDestroyServiceDocumentRequest, context: CallContext) async throws
        -> WireServiceDocumentResponse
    {
        Self.response(
            try await core.destroyServiceDocument(
                license: request.licenseNumber, kind: request.kind, reason: request.reason, act: request.act,
                on: try DateMapping.optionalDate(request.on, field: "on"), context: context.request))
    }

    public func withdrawLicenseDocument(_ request: WireWithdrawLicenseDocumentRequest, context: CallContext) async throws
        -> WireWithdrawLicenseDocumentResponse
    {
        Self.wire(
            try await core.withdrawLicenseDocument(
                license: request.licenseNumber, act: request.act,
                on: try DateMapping.optionalDate(request.on, field: "on"), context: context.request))
    }

    public func listServiceDocuments(_ request: WireListServiceDocumentsRequest, context: CallContext) async throws
        -> WireListServiceDocumentsResponse
    {
        let register = try await core.serviceDocuments(license: request.licenseNumber, context: context.request)
        var response = WireListServiceDocumentsResponse()
        response.documents = register.documents.map(Self.wire)
        if let withdrawal = register.withdrawal { response.withdrawal = Self.wire(withdrawal) }
        response.outstanding = register.outstanding
        return response
    }

    static func wire(_ a: Assistant) -> WireAssistant {
        .with {
            $0.id = a.id
            $0.iin = a.person.digits
            $0.employerLicense = a.employer.value
            $0.contract = a.contract
            $0.employedFrom = a.employedFrom.description
            $0.certificate = a.certificate.number
            $0.certificateOn = a.certificate.issuedOn.description
            $0.programme = a.certificate.programme
            $0.status = a.status.rawValue
            $0.endedOn = a.endedOn?.description ?? ""
            $0.endReason = a.endReason ?? ""
        }
    }

    static func response(_ a: Assistant) -> WireAssistantResponse { .with { $0.assistant = wire(a) } }

    static func wire(_ d: ServiceDocument) -> WireServiceDocument {
        .with {
            $0.id = d.id
            $0.licenseNumber = d.license.value
            $0.kind = d.kind.rawValue
            $0.number = d.number
            $0.holderName = d.holderName
            $0.chamber = d.chamber
            $0.district = d.district
            $0.issuedOn = d.issuedOn.description
            $0.issuedBy = d.issuedBy
            $0.destroyedOn = d.destroyedOn?.description ?? ""
            $0.destructionReason = d.destructionReason?.rawValue ?? ""
            $0.destructionAct = d.destructionAct ?? ""
        }
    }

    static func response(_ d: ServiceDocument) -> WireServiceDocumentResponse { .with { $0.document = wire(d) } }

    static func wire(_ w: LicenseWithdrawal) -> WireWithdrawLicenseDocumentResponse {
        .with {
            $0.licenseNumber = w.license.value
            $0.withdrawnOn = w.withdrawnOn.description
            $0.act = w.act
            $0.district = w.district
        }
    }
}
