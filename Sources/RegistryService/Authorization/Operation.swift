/// Every operation the registry offers, as the authorization table names it.
/// The server maps each wire method to exactly one operation.
public enum Operation: String, Hashable, Sendable, CaseIterable {
    case healthCheck = "Health/Check"
    case registerPerson = "Registry/RegisterPerson"
    case getPerson = "Registry/GetPerson"
    case recordPersonFact = "Registry/RecordPersonFact"
    case correctPersonFact = "Registry/CorrectPersonFact"
    case getBailiff = "Registry/GetBailiff"
    case listDistricts = "Registry/ListDistricts"
    case issueLicense = "Licensing/IssueLicense"
    case getLicense = "Licensing/GetLicense"
    case listLicenses = "Licensing/ListLicenses"
    case suspendLicense = "Licensing/SuspendLicense"
    case reinstateLicense = "Licensing/ReinstateLicense"
    case getLicenseStatusAt = "Licensing/GetLicenseStatusAt"
    case suspendOnOwnApplication = "Licensing/SuspendOnOwnApplication"
    case resumeAfterMandate = "Licensing/ResumeAfterMandate"
    case refuseReinstatement = "Licensing/RefuseReinstatement"
    case terminateLicense = "Licensing/TerminateLicense"
    case fileDeprivationClaim = "Licensing/FileDeprivationClaim"
    case recordCourtDecision = "Licensing/RecordCourtDecision"
    case recordCourtAnnulment = "Licensing/RecordCourtAnnulment"
    case getLicenseHistory = "Licensing/GetLicenseHistory"
    case mayPractise = "Licensing/MayPractise"
    case publicRegister = "Licensing/PublicRegister"
    case listDeadlines = "Licensing/ListDeadlines"
    case importWorkingCalendar = "Registry/ImportWorkingCalendar"
    case openDisciplinaryProceeding = "Discipline/OpenDisciplinaryProceeding"
    case closeDisciplinaryProceeding = "Discipline/CloseDisciplinaryProceeding"
    case listDisciplinaryProceedings = "Discipline/ListDisciplinaryProceedings"
    case appealPenalty = "Discipline/AppealPenalty"
    case importProceedings = "Proceedings/ImportProceedings"
    case getProceeding = "Proceedings/GetProceeding"
    case listProceedings = "Proceedings/ListProceedings"
    case explainAssignment = "Proceedings/ExplainAssignment"
    case listTransferJobs = "Proceedings/ListTransferJobs"
    case recordTemporaryReplacement = "Proceedings/RecordTemporaryReplacement"
    case listTemporaryReplacements = "Proceedings/ListTemporaryReplacements"
    case returnToCreditor = "Proceedings/ReturnToCreditor"
    case relocateProceeding = "Proceedings/RelocateProceeding"
    case recordLongAbsence = "Proceedings/RecordLongAbsence"
    case recordReturnFromAbsence = "Proceedings/RecordReturnFromAbsence"
    case resumeTransferJob = "Proceedings/ResumeTransferJob"
    case confirmHandover = "Proceedings/ConfirmHandover"
    case recordEnforcementMeasure = "Proceedings/RecordEnforcementMeasure"
    case admitMember = "Chamber/AdmitMember"
    case expelMember = "Chamber/ExpelMember"
    case leaveChamber = "Chamber/LeaveChamber"
    case listMemberships = "Chamber/ListMemberships"
    case recordInsuranceContract = "Chamber/RecordInsuranceContract"
    case listInsuranceContracts = "Chamber/ListInsuranceContracts"
    case recordTraining = "Chamber/RecordTraining"
    case listTrainings = "Chamber/ListTrainings"
    case runMonitors = "Proposals/RunMonitors"
    case submitDraftProposal = "Proposals/SubmitDraftProposal"
    case withdrawDraftProposal = "Proposals/WithdrawDraftProposal"
    case scheduleInspection = "Inspections/ScheduleInspection"
    case requestDocuments = "Inspections/RequestDocuments"
    case completeInspection = "Inspections/CompleteInspection"
    case recordViolation = "Inspections/RecordViolation"
    case listInspections = "Inspections/ListInspections"
    case recordDuesPayment = "Chamber/RecordDuesPayment"
    case recordDuesExemption = "Chamber/RecordDuesExemption"
    case listDues = "Chamber/ListDues"
    case recordComplaint = "Inspections/RecordComplaint"
    case closeComplaint = "Inspections/CloseComplaint"
    case listComplaints = "Inspections/ListComplaints"
    case quarterlyReport = "Inspections/QuarterlyReport"
    case inspectionSchedule = "Inspections/InspectionSchedule"
    case setMCI = "Registry/SetMCI"
    case getMCITable = "Registry/GetMCITable"
    case recordLegalAidReport = "Chamber/RecordLegalAidReport"
    case legalAidSummary = "Chamber/LegalAidSummary"
    case startInternship = "Candidates/StartInternship"
    case endInternship = "Candidates/EndInternship"
    case submitApplication = "Candidates/SubmitApplication"
    case returnApplication = "Candidates/ReturnApplication"
    case reviewApplication = "Candidates/ReviewApplication"
    case listApplications = "Candidates/ListApplications"
    case scheduleSession = "Candidates/ScheduleSession"
    case inviteCandidate = "Candidates/InviteCandidate"
    case recordAttestationResult = "Candidates/RecordAttestationResult"
    case recordAbsence = "Candidates/RecordAbsence"
    case recordMinutes = "Candidates/RecordMinutes"
    case sessionGaps = "Candidates/SessionGaps"
    case recordExemption = "Candidates/RecordExemption"
    case submitProposal = "Proposals/SubmitProposal"
    case listProposals = "Proposals/ListProposals"
    case declineProposal = "Proposals/DeclineProposal"

    /// Mutations are audited with their outcome and accept an idempotency key.
    public var isMutation: Bool {
        switch self {
        case .registerPerson, .recordPersonFact, .correctPersonFact, .issueLicense, .suspendLicense, .reinstateLicense, .submitProposal, .declineProposal,
             .suspendOnOwnApplication, .resumeAfterMandate, .refuseReinstatement, .terminateLicense, .fileDeprivationClaim,
             .recordCourtDecision, .recordCourtAnnulment, .importWorkingCalendar, .openDisciplinaryProceeding, .closeDisciplinaryProceeding,
             .importProceedings, .recordTemporaryReplacement, .returnToCreditor, .relocateProceeding, .recordLongAbsence, .recordReturnFromAbsence, .resumeTransferJob, .confirmHandover, .recordEnforcementMeasure,
             .admitMember, .expelMember, .leaveChamber, .recordInsuranceContract, .recordTraining, .runMonitors,
             .submitDraftProposal, .withdrawDraftProposal, .scheduleInspection, .requestDocuments, .completeInspection, .recordViolation,
             .recordDuesPayment, .recordDuesExemption, .recordComplaint, .closeComplaint, .setMCI, .recordLegalAidReport, .appealPenalty,
             .startInternship, .endInternship, .submitApplication, .returnApplication, .reviewApplication,
             .scheduleSession, .inviteCandidate, .recordAttestationResult, .recordAbsence, .recordMinutes, .recordExemption:
            return true
        default: return false
        }
    }
}
