import Enforcement
import Licensing
import RegistryService
import RegistryWire

extension RegistryEndpoints: CandidatesHandler {
    public func startInternship(_ request: WireStartInternshipRequest, context: CallContext) async throws -> WireInternshipResponse {
        Self.response(
            try await core.startInternship(
                internIIN: request.internIin, hostLicense: request.hostLicense,
                startedOn: try DateMapping.optionalDate(request.startedOn, field: "started_on"), context: context.request))
    }

    public func endInternship(_ request: WireEndInternshipRequest, context: CallContext) async throws -> WireInternshipResponse {
        Self.response(
            try await core.endInternship(
                id: request.id, completed: request.completed, on: try DateMapping.optionalDate(request.on, field: "on"),
                evidence: request.evidence, context: context.request))
    }

    public func submitApplication(_ request: WireSubmitApplicationRequest, context: CallContext) async throws -> WireApplicationResponse {
        Self.response(
            try await core.submitApplication(
                candidateIIN: request.candidateIin, receivedOn: try DateMapping.optionalDate(request.receivedOn, field: "received_on"),
                context: context.request))
    }

    public func returnApplication(_ request: WireReturnApplicationRequest, context: CallContext) async throws -> WireApplicationResponse {
        Self.response(try await core.returnApplication(id: request.id, reasons: request.reasons, context: context.request))
    }

    public func reviewApplication(_ request: WireReviewApplicationRequest, context: CallContext) async throws -> WireApplicationResponse {
        Self.response(try await core.reviewApplication(id: request.id, context: context.request))
    }

    public func listApplications(_ request: WireListApplicationsRequest, context: CallContext) async throws -> WireListApplicationsResponse
    {
        var response = WireListApplicationsResponse()
        response.applications = try await core.applications(
            overdueOn: try DateMapping.optionalDate(request.overdueOn, field: "overdue_on"), context: context.request
        )
        .map(Self.wire)
        return response
    }

    static func response(_ internship: Internship) -> WireInternshipResponse {
        var w = WireInternship()
        w.id = internship.id
        w.internIin = internship.intern.digits
        w.hostLicense = internship.host.value
        w.startedOn = internship.startedOn.description
        w.status = internship.status.rawValue
        w.endedOn = internship.endedOn?.description ?? ""
        w.evidence = internship.evidence ?? ""
        var response = WireInternshipResponse()
        response.internship = w
        return response
    }

    static func response(_ application: AttestationApplication) -> WireApplicationResponse {
        var response = WireApplicationResponse()
        response.application = wire(application)
        return response
    }

    static func wire(_ a: AttestationApplication) -> WireApplication {
        var w = WireApplication()
        w.id = a.id
        w.candidateIin = a.candidate.digits
        w.region = a.region
        w.receivedOn = a.receivedOn.description
        w.returnDueOn = a.returnDueOn.description
        w.decisionDueOn = a.decisionDueOn.description
        w.status = a.status.rawValue
        w.decidedOn = a.decidedOn?.description ?? ""
        w.reasons = a.reasons ?? ""
        w.legalBasis = a.legalBasis ?? ""
        w.late = a.late
        return w
    }
}

/// Attestation sessions (141, 141-1.5–11).
extension RegistryEndpoints {
    public func scheduleSession(_ request: WireScheduleSessionRequest, context: CallContext) async throws -> WireSessionResponse {
        Self.response(
            try await core.scheduleSession(
                heldOn: try DateMapping.requiredDate(request.heldOn, field: "held_on", article: "141-1.6"),
                details: request.details, context: context.request))
    }

    public func inviteCandidate(_ request: WireInviteCandidateRequest, context: CallContext) async throws -> WireSeatResponse {
        Self.response(
            try await core.inviteCandidate(
                application: request.applicationID, session: request.sessionID, language: request.language,
                notifiedOn: try DateMapping.optionalDate(request.notifiedOn, field: "notified_on"), context: context.request))
    }

    public func recordAttestationResult(_ request: WireRecordAttestationResultRequest, context: CallContext) async throws
        -> WireSeatResponse
    {
        Self.response(
            try await core.recordAttestationResult(
                seat: request.seatID, testPassed: request.testPassed,
                interviewPassed: request.hasInterviewPassed ? request.interviewPassed : nil,
                removed: request.removed, reasons: request.reasons,
                decidedOn: try DateMapping.optionalDate(request.decidedOn, field: "decided_on"), context: context.request))
    }

    public func recordAbsence(_ request: WireRecordAbsenceRequest, context: CallContext) async throws -> WireApplicationResponse {
        Self.response(
            try await core.recordAbsence(
                seat: request.seatID, validReason: request.validReason, reasons: request.reasons, context: context.request))
    }

    public func recordMinutes(_ request: WireRecordMinutesRequest, context: CallContext) async throws -> WireSessionResponse {
        Self.response(try await core.recordMinutes(session: request.sessionID, minutes: request.minutes, context: context.request))
    }

    public func sessionGaps(_ request: WireSessionGapsRequest, context: CallContext) async throws -> WireSessionGapsResponse {
        var response = WireSessionGapsResponse()
        response.regions = try await core.sessionGaps(quarter: request.quarter, context: context.request)
        return response
    }

    static func response(_ s: AttestationSession) -> WireSessionResponse {
        var w = WireSession()
        w.id = s.id
        w.region = s.region
        w.heldOn = s.heldOn.description
        w.details = s.details
        w.minutes = s.minutes ?? ""
        var response = WireSessionResponse()
        response.session = w
        return response
    }

    static func response(_ s: SessionSeat) -> WireSeatResponse {
        var w = WireSeat()
        w.id = s.id
        w.applicationID = s.applicationID
        w.sessionID = s.sessionID
        w.language = s.language.rawValue
        w.notifiedOn = s.notifiedOn.description
        w.outcome = s.outcome?.rawValue ?? ""
        w.decidedOn = s.decidedOn?.description ?? ""
        w.reasons = s.reasons ?? ""
        var response = WireSeatResponse()
        response.seat = w
        return response
    }
}

extension RegistryEndpoints {
    public func recordExemption(_ request: WireRecordExemptionRequest, context: CallContext) async throws -> WireRecordExemptionResponse {
        guard let ground = ExemptionGround(rawValue: request.ground) else {
            throw Rejection.invalid(
                "ground", "qualificationExam, judge, prosecutorOrInvestigator or stateEnforcementService", article: "142.5")
        }
        var service: [Exemption.Service] = []
        for period in request.service {
            service.append(
                Exemption.Service(
                    from: try DateMapping.requiredDate(period.from, field: "service.from"),
                    to: try DateMapping.requiredDate(period.to, field: "service.to"), position: period.position))
        }
        let exemption = Exemption(
            id: 0, person: try IIN(request.iin), ground: ground, evidence: request.evidence, service: service,
            releaseGround: request.releaseGround.isEmpty ? nil : request.releaseGround)
        let stored = try await core.recordExemption(exemption, context: context.request)
        var response = WireRecordExemptionResponse()
        response.id = stored.id
        response.legalBasis = stored.ground.article.reference
        return response
    }
}
