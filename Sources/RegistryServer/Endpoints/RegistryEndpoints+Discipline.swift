import Enforcement
import Licensing
import RegistryService
import RegistryStore
import RegistryWire

extension RegistryEndpoints: DisciplineHandler {
    public func openDisciplinaryProceeding(_ request: WireOpenDisciplinaryProceedingRequest, context: CallContext) async throws
        -> WireDisciplinaryProceedingResponse
    {
        let proceeding = try await core.openDisciplinaryProceeding(
            licenseNumber: request.licenseNumber,
            openedOn: try DateMapping.optionalDate(request.openedOn, field: "opened_on"),
            source: request.source, context: context.request)
        return Self.response(proceeding)
    }

    public func closeDisciplinaryProceeding(_ request: WireCloseDisciplinaryProceedingRequest, context: CallContext) async throws
        -> WireDisciplinaryProceedingResponse
    {
        let proceeding = try await core.closeDisciplinaryProceeding(
            id: request.id, closedOn: try DateMapping.optionalDate(request.closedOn, field: "closed_on"),
            outcome: request.outcome, penalty: request.penalty, context: context.request)
        return Self.response(proceeding)
    }

    public func listDisciplinaryProceedings(_ request: WireListDisciplinaryProceedingsRequest, context: CallContext) async throws
        -> WireListDisciplinaryProceedingsResponse
    {
        var response = WireListDisciplinaryProceedingsResponse()
        let (proceedings, inForce) = try await core.disciplinaryProceedings(licenseNumber: request.licenseNumber, context: context.request)
        response.proceedings = proceedings.map { proceeding in
            var wire = Self.wire(proceeding)
            wire.penaltyInForce = inForce.contains(proceeding.id)
            return wire
        }
        return response
    }

    public func appealPenalty(_ request: WireAppealPenaltyRequest, context: CallContext) async throws -> WireDisciplinaryProceedingResponse
    {
        Self.response(
            try await core.appealPenalty(
                proceeding: request.id, annulled: request.annulled, decision: request.decision, context: context.request))
    }

    static func response(_ proceeding: DisciplinaryProceeding) -> WireDisciplinaryProceedingResponse {
        var response = WireDisciplinaryProceedingResponse()
        response.proceeding = wire(proceeding)
        return response
    }

    static func wire(_ proceeding: DisciplinaryProceeding) -> WireDisciplinaryProceeding {
        var p = WireDisciplinaryProceeding()
        p.id = proceeding.id
        p.licenseNumber = proceeding.licenseNumber.value
        p.openedOn = proceeding.openedOn.description
        p.openedBy = proceeding.openedBy
        p.source = proceeding.source
        p.closedOn = proceeding.closedOn?.description ?? ""
        p.outcome = proceeding.outcome ?? ""
        p.penalty = proceeding.penalty?.rawValue ?? ""
        p.penaltyLegalBasis = proceeding.penalty?.article.reference ?? ""
        p.appealOutcome = proceeding.appealOutcome ?? ""
        return p
    }
}
