import Enforcement
import Licensing
import RegistryService
import RegistryStore
import RegistryWire

extension RegistryEndpoints: ChamberHandler {
    public func admitMember(_ request: WireAdmitMemberRequest, context: CallContext) async throws -> WireMembershipResponse {
        Self.response(
            try await core.admitMember(
                licenseNumber: request.licenseNumber, district: request.district,
                admittedOn: try DateMapping.optionalDate(request.admittedOn, field: "admitted_on"),
                decision: request.decision, context: context.request))
    }

    public func expelMember(_ request: WireExpelMemberRequest, context: CallContext) async throws -> WireMembershipResponse {
        Self.response(
            try await core.expelMember(
                licenseNumber: request.licenseNumber, ground: request.ground,
                on: try DateMapping.optionalDate(request.on, field: "on"), decision: request.decision, context: context.request))
    }

    public func placeMember(_ request: WirePlaceMemberRequest, context: CallContext) async throws -> WireMembershipResponse {
        Self.response(
            try await core.placeMember(
                licenseNumber: request.licenseNumber, district: request.district,
                from: try DateMapping.optionalDate(request.from, field: "from"), decision: request.decision, context: context.request))
    }

    public func leaveChamber(_ request: WireLeaveChamberRequest, context: CallContext) async throws -> WireMembershipResponse {
        Self.response(
            try await core.leaveChamber(
                licenseNumber: request.licenseNumber, on: try DateMapping.optionalDate(request.on, field: "on"),
                application: request.application, context: context.request))
    }

    public func listMemberships(_ request: WireListMembershipsRequest, context: CallContext) async throws -> WireListMembershipsResponse {
        var response = WireListMembershipsResponse()
        response.memberships = try await core.memberships(licenseNumber: request.licenseNumber, context: context.request).map(Self.wire)
        return response
    }

    public func recordInsuranceContract(_ request: WireRecordInsuranceContractRequest, context: CallContext) async throws
        -> WireInsuranceContractResponse
    {
        var response = WireInsuranceContractResponse()
        response.contract = Self.wire(try await core.recordInsuranceContract(try Self.contract(request), context: context.request))
        return response
    }

    static func contract(_ request: WireRecordInsuranceContractRequest) throws(Rejection) -> InsuranceContract {
        guard let sum = Tenge(request.sumInsured) else {
            throw Rejection.invalid("sum_insured", "an amount in tenge, e.g. 4325000", article: "146.2-1")
        }
        return InsuranceContract(
            id: 0, licenseNumber: try LicenseNumber.parse(request.licenseNumber, field: "license_number"), insurer: request.insurer,
            contractNumber: request.contractNumber,
            concludedOn: try DateMapping.requiredDate(request.concludedOn, field: "concluded_on", article: "146.2-1"),
            validFrom: try DateMapping.requiredDate(request.validFrom, field: "valid_from"),
            validTo: try DateMapping.requiredDate(request.validTo, field: "valid_to"),
            sumInsured: sum
        )
    }

    public func listInsuranceContracts(_ request: WireListInsuranceContractsRequest, context: CallContext) async throws
        -> WireListInsuranceContractsResponse
    {
        var response = WireListInsuranceContractsResponse()
        response.contracts = try await core.insuranceContracts(licenseNumber: request.licenseNumber, context: context.request).map(
            Self.wire)
        return response
    }

    public func recordTraining(_ request: WireRecordTrainingRequest, context: CallContext) async throws -> WireTrainingResponse {
        let training = TrainingRecord(
            id: 0, licenseNumber: try LicenseNumber.parse(request.licenseNumber, field: "license_number"),
            completedOn: try DateMapping.requiredDate(request.completedOn, field: "completed_on", article: "148.1.9-1"),
            programme: request.programme, certificate: request.certificate)
        var response = WireTrainingResponse()
        response.training = Self.wire(try await core.recordTraining(training, context: context.request))
        return response
    }

    public func listTrainings(_ request: WireListTrainingsRequest, context: CallContext) async throws -> WireListTrainingsResponse {
        let (records, due) = try await core.trainings(licenseNumber: request.licenseNumber, context: context.request)
        var response = WireListTrainingsResponse()
        response.trainings = records.map(Self.wire)
        response.dueBy = due?.description ?? ""
        return response
    }

    public func recordDuesPayment(_ request: WireRecordDuesPaymentRequest, context: CallContext) async throws -> WireDuesResponse {
        Self.wire(
            try await core.recordDuesPayment(
                licenseNumber: request.licenseNumber, quarter: request.quarter,
                paidOn: try DateMapping.optionalDate(request.paidOn, field: "paid_on"), reference: request.reference,
                context: context.request))
    }

    public func recordDuesExemption(_ request: WireRecordDuesExemptionRequest, context: CallContext) async throws -> WireDuesResponse {
        Self.wire(
            try await core.recordDuesExemption(
                licenseNumber: request.licenseNumber, reason: request.reason,
                from: try DateMapping.requiredDate(request.from, field: "from", article: "172-1(3)"),
                to: try DateMapping.requiredDate(request.to, field: "to", article: "172-1(3)"),
                reference: request.reference, context: context.request))
    }

    public func listDues(_ request: WireListDuesRequest, context: CallContext) async throws -> WireDuesResponse {
        Self.wire(try await core.dues(licenseNumber: request.licenseNumber, context: context.request))
    }

    public func recordLegalAidReport(_ request: WireRecordLegalAidReportRequest, context: CallContext) async throws
        -> WireLegalAidReportResponse
    {
        let report = try await core.recordLegalAidReport(
            licenseNumber: request.licenseNumber, month: request.month, consultations: Int(request.consultations), context: context.request)
        var response = WireLegalAidReportResponse()
        response.month = request.month
        response.submittedOn = report.submittedOn.description
        response.dueOn = report.dueOn.description
        response.late = report.isLate
        return response
    }

    public func legalAidSummary(_ request: WireLegalAidSummaryRequest, context: CallContext) async throws -> WireLegalAidSummaryResponse {
        let (half, lines) = try await core.legalAidSummary(half: request.half, context: context.request)
        var response = WireLegalAidSummaryResponse()
        response.dueOn = half.consolidatedDueOn.description
        response.lines = lines.map { line in
            var w = WireLegalAidSummaryLine()
            w.district = line.district
            w.bailiffsReporting = UInt32(line.bailiffsReporting)
            w.reports = UInt32(line.reports)
            w.lateReports = UInt32(line.lateReports)
            w.consultations = UInt32(line.consultations)
            return w
        }
        return response
    }

    static func wire(_ statement: DuesStatement) -> WireDuesResponse {
        var w = WireDuesResponse()
        w.paid = statement.paid.map(\.description)
        w.arrears = statement.arrears.map(\.description)
        w.exemptions = statement.exemptions.map { e in
            var x = WireDuesExemption()
            x.reason = e.reason.rawValue
            x.from = e.from.description
            x.to = e.to.description
            return x
        }
        return w
    }

    static func wire(_ t: TrainingRecord) -> WireTraining {
        var w = WireTraining()
        w.id = t.id
        w.licenseNumber = t.licenseNumber.value
        w.completedOn = t.completedOn.description
        w.programme = t.programme
        w.certificate = t.certificate
        return w
    }

    static func response(_ membership: Membership) -> WireMembershipResponse {
        var response = WireMembershipResponse()
        response.membership = wire(membership)
        return response
    }

    static func wire(_ m: Membership) -> WireMembership {
        var w = WireMembership()
        w.id = m.id
        w.licenseNumber = m.licenseNumber.value
        w.district = m.district
        w.admittedOn = m.admittedOn.description
        w.admissionDecision = m.admissionDecision
        w.status = m.status.rawValue
        w.endedOn = m.endedOn?.description ?? ""
        w.expulsionGround = m.expulsionGround?.rawValue ?? ""
        w.expulsionLegalBasis = m.expulsionGround?.article.reference ?? (m.status == .left ? "172-1(5)" : "")
        w.endDecision = m.endDecision ?? ""
        return w
    }

    static func wire(_ r: RecordedInsurance) -> WireInsuranceContract {
        var w = WireInsuranceContract()
        w.id = r.contract.id
        w.licenseNumber = r.contract.licenseNumber.value
        w.insurer = r.contract.insurer
        w.contractNumber = r.contract.contractNumber
        w.concludedOn = r.contract.concludedOn.description
        w.validFrom = r.contract.validFrom.description
        w.validTo = r.contract.validTo.description
        w.sumInsured = r.contract.sumInsured.description
        w.minimum = r.minimum?.description ?? ""
        w.sufficient = r.sufficient
        return w
    }
}

extension RegistryEndpoints {
    public func recordAccountingRegistration(_ request: WireRecordAccountingRegistrationRequest, context: CallContext) async throws
        -> WireAccountingRegistrationResponse
    {
        let registration = try await core.recordAccountingRegistration(
            licenseNumber: request.licenseNumber, registeredOn: try DateMapping.optionalDate(request.registeredOn, field: "registered_on"),
            reference: request.reference, context: context.request)
        var response = WireAccountingRegistrationResponse()
        response.registration.id = registration.id
        response.registration.licenseNumber = registration.licenseNumber.value
        response.registration.registeredOn = registration.registeredOn.description
        response.registration.region = registration.region
        response.registration.reference = registration.reference
        response.registration.recordedBy = registration.recordedBy
        return response
    }

    public func recordOtherPaidActivity(_ request: WireRecordOtherPaidActivityRequest, context: CallContext) async throws
        -> WireOtherPaidActivityResponse
    {
        let activity = try await core.recordOtherPaidActivity(
            licenseNumber: request.licenseNumber, kind: request.kind,
            from: try DateMapping.requiredDate(request.from, field: "from", article: "149"),
            to: try DateMapping.optionalDate(request.to, field: "to"), description: request.description_p, source: request.source,
            context: context.request)
        var response = WireOtherPaidActivityResponse()
        response.activity.id = activity.id
        response.activity.licenseNumber = activity.licenseNumber.value
        response.activity.kind = activity.kind.rawValue
        response.activity.from = activity.from.description
        response.activity.to = activity.to?.description ?? ""
        response.activity.description_p = activity.description
        response.activity.source = activity.source
        response.activity.allowed = activity.kind.isAllowed
        return response
    }

    public func importPracticeRecords(_ request: WireImportPracticeRecordsRequest, context: CallContext) async throws
        -> WireImportPracticeRecordsResponse
    {
        var commands: [PracticeRecordCommand] = []
        var early: [PracticeImportResult.Refused] = []
        for (index, record) in request.records.enumerated() {
            do {
                switch record.record {
                case .membership(let m):
                    commands.append(
                        .membership(
                            licenseNumber: m.licenseNumber, district: m.district,
                            admittedOn: try DateMapping.optionalDate(m.admittedOn, field: "membership.admitted_on"), decision: m.decision))
                case .insurance(let i):
                    commands.append(.insurance(try Self.contract(i)))
                case .registration(let r):
                    commands.append(
                        .registration(
                            licenseNumber: r.licenseNumber,
                            registeredOn: try DateMapping.optionalDate(r.registeredOn, field: "registration.registered_on"),
                            reference: r.reference))
                case nil:
                    throw Rejection.invalid("records[\(index)]", "empty: give a membership, an insurance contract or a registration")
                }
            } catch let rejection as Rejection {
                early.append(PracticeImportResult.Refused(index: index, rejection: rejection))
            }
        }
        // Records that do not decode are refused like the rest; the others still go in.
        let positions = request.records.indices.filter { index in !early.contains { $0.index == index } }
        var result =
            commands.isEmpty
            ? PracticeImportResult(accepted: 0, refused: [])
            : try await core.importPracticeRecords(commands, historicalSource: request.historicalSource, context: context.request)
        let remapped = result.refused.map { PracticeImportResult.Refused(index: positions[$0.index], rejection: $0.rejection) }
        result.refused = (early + remapped).sorted { $0.index < $1.index }
        var response = WireImportPracticeRecordsResponse()
        response.accepted = UInt32(result.accepted)
        response.refused = result.refused.map { refused in
            var row = WireRefusedPracticeRecord()
            row.index = UInt32(refused.index)
            row.reason = refused.rejection.reason
            row.message = refused.rejection.message
            row.legalBasis = refused.rejection.article?.reference ?? ""
            return row
        }
        return response
    }
}
