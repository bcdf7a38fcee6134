import Enforcement
import Licensing
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf

extension RegistryEndpoints: ProceedingsHandler {
    public func importProceedings(_ request: WireImportProceedingsRequest, context: CallContext) async throws
        -> WireImportProceedingsResponse
    {
        let result = try await core.importProceedings(
            request.proceedings.map(ProceedingMapping.draft), skipExisting: request.skipExisting, context: context.request)
        var response = WireImportProceedingsResponse()
        response.accepted = result.accepted
        response.skipped = result.skipped
        response.refused = result.refused.map { refused in
            var row = WireRefusedRow()
            row.index = UInt32(refused.index)
            row.problems = refused.problems.map { problem in
                var p = WireRowProblem()
                p.field = problem.field
                p.message = problem.message
                p.legalBasis = problem.article ?? ""
                return p
            }
            return row
        }
        return response
    }

    public func getProceeding(_ request: WireGetProceedingRequest, context: CallContext) async throws -> WireGetProceedingResponse {
        let (proceeding, assignments) = try await core.proceeding(number: request.number, context: context.request)
        var response = WireGetProceedingResponse()
        response.proceeding = ProceedingMapping.wire(proceeding)
        response.assignments = assignments.map(ProceedingMapping.wire)
        return response
    }

    public func listProceedings(_ request: WireListProceedingsRequest, context: CallContext) async throws -> WireListProceedingsResponse {
        var filter = ProceedingFilter(
            holderLicense: request.holderLicense.isEmpty ? nil : request.holderLicense, heldByChamber: request.heldByChamber,
            district: request.district.isEmpty ? nil : request.district)
        if !request.category.isEmpty {
            guard let category = ProceedingCategory(rawValue: request.category) else {
                throw Rejection.invalid("category", "sociallySignificant, stateRevenue or other")
            }
            filter.category = category
        }
        if !request.status.isEmpty {
            guard let status = EnforcementProceeding.Status(rawValue: request.status) else {
                throw Rejection.invalid("status", "open or closed")
            }
            filter.status = status
        }
        let (page, next) = try await core.proceedings(
            matching: filter, pageSize: Int(request.pageSize), pageToken: request.pageToken, context: context.request)
        var response = WireListProceedingsResponse()
        response.proceedings = page.map(ProceedingMapping.wire)
        response.nextPageToken = next ?? ""
        return response
    }

    public func explainAssignment(_ request: WireExplainAssignmentRequest, context: CallContext) async throws
        -> WireExplainAssignmentResponse
    {
        let (proceeding, assignments, explanation) = try await core.explainAssignment(number: request.number, context: context.request)
        var response = WireExplainAssignmentResponse()
        response.proceeding = ProceedingMapping.wire(proceeding)
        response.assignments = assignments.map(ProceedingMapping.wire)
        if let explanation {
            let decision = explanation.reassignment
            response.policyVersion = decision.policyVersion
            response.seed = decision.seed
            response.candidateCount = UInt32(decision.candidateCount)
            response.loads = decision.loads.map { candidate in
                var load = WireCandidateLoad()
                load.license = candidate.license
                load.load = Int64(candidate.load)
                return load
            }
            switch decision.outcome {
            case .assigned: response.outcome = "assigned"
            case .noEligibleReceiver(let reason): response.outcome = "no eligible receiver: \(reason)"
            }
            response.receiverLicense = explanation.receiver?.license ?? ""
            response.receiverName = explanation.receiver?.name ?? ""
            response.receiverIin = explanation.receiver?.iin ?? ""
            response.trigger = explanation.trigger
            response.excluded = (explanation.excluded ?? []).map { excluded in
                .with {
                    $0.license = excluded.license
                    $0.reasons = excluded.reasons
                }
            }
            response.quarantine = explanation.quarantine ?? ""
            response.replayMatches = explanation.replayMatches ?? true
        }
        return response
    }

    public func resumeTransferJob(_ request: WireResumeTransferJobRequest, context: CallContext) async throws
        -> WireResumeTransferJobResponse
    {
        guard request.jobID > 0 else { throw Rejection.invalid("job_id", "the transfer job's id") }
        var response = WireResumeTransferJobResponse()
        response.job = ProceedingMapping.wire(try await core.resumeTransferJob(request.jobID, context: context.request))
        return response
    }

    public func listTransferJobs(_ request: WireListTransferJobsRequest, context: CallContext) async throws -> WireListTransferJobsResponse
    {
        var state: TransferJob.State?
        if !request.state.isEmpty {
            guard let parsed = TransferJob.State(rawValue: request.state) else {
                throw Rejection.invalid("state", "reassigning, completed, blocked or cancelled")
            }
            state = parsed
        }
        let jobs = try await core.transferJobs(
            license: request.licenseNumber.isEmpty ? nil : request.licenseNumber, state: state, context: context.request)
        var response = WireListTransferJobsResponse()
        response.jobs = jobs.map { ProceedingMapping.wire($0.0, quarantine: $0.1) }
        return response
    }
}

/// Temporary replacement (153-1) and debtor relocation (52.4.2).
extension RegistryEndpoints {
    public func recordTemporaryReplacement(_ request: WireRecordTemporaryReplacementRequest, context: CallContext) async throws
        -> WireTemporaryReplacementResponse
    {
        let command = ReplacementCommand(
            replaced: request.replacedLicense, substitute: request.substituteLicense, ground: request.ground,
            from: try DateMapping.requiredDate(request.from, field: "from", article: "153-1"),
            to: try DateMapping.requiredDate(request.to, field: "to", article: "153-1"), reference: request.reference)
        var response = WireTemporaryReplacementResponse()
        response.replacement = ProceedingMapping.wire(try await core.recordTemporaryReplacement(command, context: context.request))
        return response
    }

    public func listTemporaryReplacements(_ request: WireListTemporaryReplacementsRequest, context: CallContext) async throws
        -> WireListTemporaryReplacementsResponse
    {
        var response = WireListTemporaryReplacementsResponse()
        response.replacements = try await core.temporaryReplacements(
            license: request.licenseNumber.isEmpty ? nil : request.licenseNumber, context: context.request
        )
        .map(ProceedingMapping.wire)
        return response
    }

    public func returnToCreditor(_ request: WireReturnToCreditorRequest, context: CallContext) async throws -> WireProceedingResponse {
        var response = WireProceedingResponse()
        response.proceeding = ProceedingMapping.wire(
            try await core.returnToCreditor(proceeding: request.number, application: request.application, context: context.request))
        return response
    }

    public func relocateProceeding(_ request: WireRelocateProceedingRequest, context: CallContext) async throws -> WireProceedingResponse {
        var response = WireProceedingResponse()
        response.proceeding = ProceedingMapping.wire(
            try await core.relocateProceeding(
                number: request.number, district: request.district,
                ruling: request.ruling, context: context.request))
        return response
    }
}

extension RegistryEndpoints {
    public func recordLongAbsence(_ request: WireRecordLongAbsenceRequest, context: CallContext) async throws
        -> WireRecordLongAbsenceResponse
    {
        let (handedOver, job, absence) = try await core.recordLongAbsence(
            licenseNumber: request.licenseNumber, from: try DateMapping.requiredDate(request.from, field: "from", article: "148.1.9-2"),
            until: try DateMapping.optionalDate(request.until, field: "until"), reason: request.reason, reference: request.reference,
            context: context.request)
        var response = WireRecordLongAbsenceResponse()
        response.proceedingsHandedOver = UInt32(handedOver)
        response.jobID = job ?? 0
        response.absenceID = absence
        return response
    }

    public func recordReturnFromAbsence(_ request: WireRecordReturnFromAbsenceRequest, context: CallContext) async throws
        -> WireRecordReturnFromAbsenceResponse
    {
        let absence = try await core.recordReturnFromAbsence(
            licenseNumber: request.licenseNumber, on: try DateMapping.requiredDate(request.on, field: "on", article: "148.1.9-2"),
            reference: request.reference, context: context.request)
        var response = WireRecordReturnFromAbsenceResponse()
        response.absenceID = absence.id
        response.from = absence.from.description
        response.returnedOn = absence.returnedOn?.description ?? ""
        return response
    }
}

extension RegistryEndpoints {
    public func confirmHandover(_ request: WireConfirmHandoverRequest, context: CallContext) async throws -> WireConfirmHandoverResponse {
        var response = WireConfirmHandoverResponse()
        response.closed = UInt32(
            try await core.confirmHandover(licenseNumber: request.licenseNumber, reference: request.reference, context: context.request))
        return response
    }
}

extension RegistryEndpoints {
    public func recordEnforcementMeasure(_ request: WireRecordEnforcementMeasureRequest, context: CallContext) async throws
        -> WireProceedingResponse
    {
        var response = WireProceedingResponse()
        response.proceeding = ProceedingMapping.wire(
            try await core.recordEnforcementMeasure(
                number: request.number, on: try DateMapping.requiredDate(request.on, field: "on", article: "144.2.4"),
                standing: request.standing, lifts: request.liftsStanding, context: context.request))
        return response
    }
}
