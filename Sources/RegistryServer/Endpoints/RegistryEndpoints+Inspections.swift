import Enforcement
import Licensing
import RegistryService
import RegistryStore
import RegistryWire

extension RegistryEndpoints: InspectionsHandler {
    public func scheduleInspection(_ request: WireScheduleInspectionRequest, context: CallContext) async throws -> WireInspectionResponse {
        var response = WireInspectionResponse()
        response.inspection = Self.wire(
            try await core.scheduleInspection(
                licenseNumber: request.licenseNumber, kind: request.kind,
                on: try DateMapping.requiredDate(request.scheduledOn, field: "scheduled_on", article: "169.4"),
                trigger: request.trigger, context: context.request))
        return response
    }

    public func requestDocuments(_ request: WireRequestDocumentsRequest, context: CallContext) async throws -> WireRequestDocumentsResponse
    {
        var response = WireRequestDocumentsResponse()
        response.id = try await core.requestDocuments(
            inspection: request.inspectionID, sentOn: try DateMapping.optionalDate(request.sentOn, field: "sent_on"),
            dueOn: try DateMapping.requiredDate(request.dueOn, field: "due_on", article: "169.5"),
            subject: request.subject, context: context.request)
        return response
    }

    public func completeInspection(_ request: WireCompleteInspectionRequest, context: CallContext) async throws -> WireInspectionResponse {
        var found: [FoundViolation] = []
        for violation in request.violations {
            found.append(
                FoundViolation(
                    committedOn: try DateMapping.requiredDate(violation.committedOn, field: "violations.committed_on"),
                    description: violation.description_p))
        }
        var response = WireInspectionResponse()
        response.inspection = Self.wire(
            try await core.completeInspection(
                id: request.id, completedOn: try DateMapping.optionalDate(request.completedOn, field: "completed_on"),
                findings: request.findings, violations: found, context: context.request))
        return response
    }

    public func recordViolation(_ request: WireRecordViolationRequest, context: CallContext) async throws -> WireRecordViolationResponse {
        var response = WireRecordViolationResponse()
        response.violation = Self.wire(
            try await core.recordViolation(
                licenseNumber: request.licenseNumber, committedOn: try DateMapping.requiredDate(request.committedOn, field: "committed_on"),
                establishedOn: try DateMapping.requiredDate(request.establishedOn, field: "established_on"), source: request.source,
                description: request.description_p, context: context.request))
        return response
    }

    public func listInspections(_ request: WireListInspectionsRequest, context: CallContext) async throws -> WireListInspectionsResponse {
        let (inspections, violations) = try await core.inspections(licenseNumber: request.licenseNumber, context: context.request)
        var response = WireListInspectionsResponse()
        response.inspections = inspections.map(Self.wire)
        response.violations = violations.map(Self.wire)
        return response
    }

    static func wire(_ i: Inspection) -> WireInspection {
        var w = WireInspection()
        w.id = i.id
        w.licenseNumber = i.licenseNumber.value
        w.kind = i.kind.rawValue
        w.scheduledOn = i.scheduledOn.description
        w.inspectedBy = i.inspectedBy
        w.trigger = i.trigger
        w.status = i.status.rawValue
        w.completedOn = i.completedOn?.description ?? ""
        w.findings = i.findings ?? ""
        return w
    }

    static func wire(_ v: ViolationRecord) -> WireViolation {
        var w = WireViolation()
        w.id = v.id
        w.licenseNumber = v.licenseNumber.value
        w.committedOn = v.committedOn.description
        w.establishedOn = v.establishedOn.description
        w.source = v.source
        w.description_p = v.description
        return w
    }
}

/// Complaints about bailiffs.
extension RegistryEndpoints {
    public func recordComplaint(_ request: WireRecordComplaintRequest, context: CallContext) async throws -> WireComplaintResponse {
        Self.response(
            try await core.recordComplaint(
                licenseNumber: request.licenseNumber, receivedOn: try DateMapping.optionalDate(request.receivedOn, field: "received_on"),
                complainant: request.complainant, summary: request.summary, context: context.request))
    }

    public func closeComplaint(_ request: WireCloseComplaintRequest, context: CallContext) async throws -> WireComplaintResponse {
        Self.response(
            try await core.closeComplaint(
                id: request.id, outcome: request.outcome, inspectionID: request.inspectionID == 0 ? nil : request.inspectionID,
                disciplinaryProceedingID: request.disciplinaryProceedingID == 0 ? nil : request.disciplinaryProceedingID,
                context: context.request))
    }

    public func listComplaints(_ request: WireListComplaintsRequest, context: CallContext) async throws -> WireListComplaintsResponse {
        var response = WireListComplaintsResponse()
        response.complaints = try await core.complaints(licenseNumber: request.licenseNumber, context: context.request).map(Self.wire)
        return response
    }

    static func response(_ complaint: Complaint) -> WireComplaintResponse {
        var response = WireComplaintResponse()
        response.complaint = wire(complaint)
        return response
    }

    static func wire(_ c: Complaint) -> WireComplaint {
        var w = WireComplaint()
        w.id = c.id
        w.licenseNumber = c.licenseNumber.value
        w.receivedOn = c.receivedOn.description
        w.complainant = c.complainant
        w.summary = c.summary
        w.district = c.district
        w.status = c.status.rawValue
        w.outcome = c.outcome ?? ""
        w.inspectionID = c.inspectionID ?? 0
        w.disciplinaryProceedingID = c.disciplinaryProceedingID ?? 0
        return w
    }
}

extension RegistryEndpoints {
    public func quarterlyReport(_ request: WireQuarterlyReportRequest, context: CallContext) async throws -> WireQuarterlyReportResponse {
        var response = WireQuarterlyReportResponse()
        response.quarter = request.quarter
        response.lines = try await core.quarterlyReport(quarter: request.quarter, context: context.request).map { line in
            var w = WireQuarterlyReportLine()
            w.district = line.district
            w.active = UInt32(line.active)
            w.suspended = UInt32(line.suspended)
            w.ended = UInt32(line.ended)
            w.inspectionsCompleted = UInt32(line.inspections)
            w.violationsEstablished = UInt32(line.violations)
            w.disciplinaryOpened = UInt32(line.disciplinary)
            w.penaltiesImposed = UInt32(line.penalties)
            w.complaintsReceived = UInt32(line.complaints)
            w.proceedingsTransferred = UInt32(line.transferred)
            return w
        }
        return response
    }
}

extension RegistryEndpoints {
    public func inspectionSchedule(_ request: WireInspectionScheduleRequest, context: CallContext) async throws
        -> WireInspectionScheduleResponse
    {
        var response = WireInspectionScheduleResponse()
        response.inspections = try await core.inspectionSchedule(
            asOf: try DateMapping.optionalDate(request.asOf, field: "as_of"), overdueOnly: request.overdueOnly,
            context: context.request
        ).map { item in
            var w = WireDueInspection()
            w.licenseNumber = item.license.value
            w.district = item.district
            w.kind = item.due.kind.rawValue
            w.earliest = item.due.earliest.description
            w.latest = item.due.latest.description
            w.overdue = item.overdue
            return w
        }
        return response
    }
}
