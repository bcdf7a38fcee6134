import Licensing

/// Role × operation, deny by default (DOMAIN.md §2.13). One table, read by
/// every call before anything else happens.
public enum AuthorizationTable {
    /// Roles allowed to perform each operation. An operation missing here is denied to all.
    public static let allowed: [Operation: Set<Role>] = [
        .healthCheck: Set(Role.allCases),
        // Persons are registered by the Ministry and by the territorial bodies that
        // receive candidates' applications (141-1.2).
        .registerPerson: [.ministry, .territorialBody],
        // The Ministry checks bailiffs keep meeting the Law (167(11-1)); territorial bodies control them (168).
        .recordPersonFact: [.ministry, .territorialBody],
        .correctPersonFact: [.ministry, .territorialBody],
        .getPerson: [.ministry, .territorialBody, .attestationCommission, .republicanChamber, .regionalChamber, .prosecutor, .auditor, .system],
        .getBailiff: Set(Role.allCases),
        .listDistricts: Set(Role.allCases),
        // Only the Ministry issues licenses and keeps the register (142.1, 167(7)).
        .issueLicense: [.ministry],
        .getLicense: Set(Role.allCases),
        .listLicenses: Set(Role.allCases),
        // Suspension and reinstatement are Ministry decisions (143.1, 143.3, 167(8)).
        .suspendLicense: [.ministry],
        .reinstateLicense: [.ministry],
        .getLicenseStatusAt: Set(Role.allCases),
        // Representations come from the bodies of 143.1 and 144.3; the Ministry answers them.
        .submitProposal: [.territorialBody, .republicanChamber, .regionalChamber, .prosecutor],
        .listProposals: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor],
        .declineProposal: [.ministry],
        // The rest of the lifecycle is the Ministry's too (143.5, 144.1, 167(8)); it files the
        // deprivation claim (167(9)) and records the court's acts, which reach it, not us.
        .suspendOnOwnApplication: [.ministry],
        .resumeAfterMandate: [.ministry],
        .refuseReinstatement: [.ministry],
        .terminateLicense: [.ministry],
        .fileDeprivationClaim: [.ministry],
        .recordCourtDecision: [.ministry],
        .recordCourtAnnulment: [.ministry],
        .getLicenseHistory: Set(Role.allCases),
        .mayPractise: Set(Role.allCases),
        // Published data (167(11-3), 143.7, 163-1.1.6-5): anyone the registry authenticates.
        .publicRegister: Set(Role.allCases),
        .listDeadlines: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .system],
        .importWorkingCalendar: [.ministry],
        // Disciplinary commissions sit in the chambers (162.1.2-4, 163-1.1.3-3).
        .openDisciplinaryProceeding: [.republicanChamber, .regionalChamber],
        .closeDisciplinaryProceeding: [.republicanChamber, .regionalChamber],
        // Appeals are decided as the Chamber's charter provides (170.3).
        .appealPenalty: [.republicanChamber],
        .listDisciplinaryProceedings: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor],
        // Who holds which proceeding comes from the enforcement information system (system role)
        // or the Ministry; the bodies that oversee and transfer read it, a bailiff his own.
        .importProceedings: [.system, .ministry],
        .getProceeding: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor, .system, .bailiff],
        .listProceedings: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor, .system, .bailiff],
        .explainAssignment: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor, .system, .bailiff],
        .listTransferJobs: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .system],
        // The Republican Chamber sets the procedure and, per its order, a regional chamber records it (153-1.3).
        .recordTemporaryReplacement: [.republicanChamber, .regionalChamber],
        .listTemporaryReplacements: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .system, .bailiff],
        // The bailiff who holds the proceeding acts on the creditor's application or his own ruling (153-1.3, 52.4.2).
        .returnToCreditor: [.bailiff, .regionalChamber, .system],
        .relocateProceeding: [.bailiff, .system],
        // The hand-over goes to the regional chamber (148.1.9-2), which records it.
        .recordLongAbsence: [.regionalChamber, .republicanChamber],
        .recordReturnFromAbsence: [.regionalChamber, .republicanChamber],
        // The regional chamber takes the transfer measures (162.1.2-3); the Republican Chamber and the Ministry may push a blocked job on.
        .resumeTransferJob: [.regionalChamber, .republicanChamber, .ministry],
        .confirmHandover: [.regionalChamber],
        .recordEnforcementMeasure: [.system, .bailiff],
        // Membership is the Republican Chamber's: admission (163-1.1.3-2), expulsion by its Board (172-1).
        .admitMember: [.republicanChamber],
        .expelMember: [.republicanChamber],
        .leaveChamber: [.republicanChamber],
        // The territorial body keeps the accounting registration (168.1.4); the Ministry over it.
        // The Republican Chamber places its members (163-1.1.3-2).
        .placeMember: [.republicanChamber],
        .recordAccountingRegistration: [.ministry, .territorialBody],
        // Other paid activity (149) is established by the bodies that control practice.
        .recordOtherPaidActivity: [.ministry, .territorialBody, .republicanChamber, .regionalChamber],
        // Only the Ministry brings in the records of bailiffs licensed before the registry kept them.
        .importPracticeRecords: [.ministry],
        .listMemberships: Set(Role.allCases),
        // The Chamber concludes the common contract (163.3) and keeps the bailiffs' insurance on record.
        .recordInsuranceContract: [.republicanChamber, .regionalChamber],
        .listInsuranceContracts: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .system, .bailiff],
        // The Chamber controls training (148.1.9-1, 163-1.1.6-2).
        .recordTraining: [.republicanChamber, .regionalChamber],
        .listTrainings: Set(Role.allCases),
        // A bailiff takes on his own assistants (156.1); his regional chamber keeps the register with him.
        .registerAssistant: [.bailiff, .regionalChamber],
        .endAssistant: [.bailiff, .regionalChamber],
        .listAssistants: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor, .bailiff],
        // The regional chamber makes and issues the ID card and seal (154) and, when the license
        // ends, withdraws it for the Ministry and destroys them (144.4).
        .issueServiceDocument: [.regionalChamber],
        .destroyServiceDocument: [.regionalChamber],
        .withdrawLicenseDocument: [.regionalChamber],
        .listServiceDocuments: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor, .bailiff, .system],
        // Monitors run inside registryd (system) and on demand for the Ministry and the Chamber.
        .runMonitors: [.system, .ministry, .republicanChamber],
        .submitDraftProposal: [.territorialBody, .republicanChamber, .regionalChamber, .prosecutor],
        .withdrawDraftProposal: [.territorialBody, .republicanChamber, .regionalChamber, .prosecutor],
        // Inspections are the Ministry's, the territorial bodies' and the chambers' (169.1).
        .scheduleInspection: [.ministry, .territorialBody, .republicanChamber, .regionalChamber],
        .requestDocuments: [.ministry, .territorialBody, .republicanChamber, .regionalChamber],
        .completeInspection: [.ministry, .territorialBody, .republicanChamber, .regionalChamber],
        .recordViolation: [.ministry, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor],
        .listInspections: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor, .system],
        // Dues are the Chamber's (148.1.5-2, 165).
        .recordDuesPayment: [.republicanChamber, .regionalChamber],
        .recordDuesExemption: [.republicanChamber, .regionalChamber],
        .listDues: [.ministry, .auditor, .republicanChamber, .regionalChamber, .system, .bailiff],
        // Complaints reach the Ministry, territorial bodies and the chambers (167(1-1), 168.2.4, 162.1.2-2, 163-1.1.3-1).
        .recordComplaint: [.ministry, .territorialBody, .republicanChamber, .regionalChamber],
        .closeComplaint: [.ministry, .territorialBody, .republicanChamber, .regionalChamber],
        .listComplaints: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber, .prosecutor],
        // The Chamber informs the Ministry quarterly (163-1.3).
        .quarterlyReport: [.ministry, .republicanChamber, .auditor],
        .inspectionSchedule: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber],
        .setMCI: [.ministry],
        // Internships: the host bailiff, with the chamber's help (156.3, 163-1.1.7), or the territorial body.
        .startInternship: [.bailiff, .regionalChamber, .territorialBody],
        .endInternship: [.bailiff, .regionalChamber, .territorialBody],
        // Applications go to the territorial body of the candidate's residence (141-1.2–4).
        .submitApplication: [.territorialBody],
        .returnApplication: [.territorialBody],
        .reviewApplication: [.territorialBody],
        .listApplications: [.ministry, .auditor, .territorialBody, .attestationCommission],
        // The territorial body schedules and notifies (141-1.5); the commission decides (141-1.7–11).
        .scheduleSession: [.territorialBody],
        .inviteCandidate: [.territorialBody],
        .recordAttestationResult: [.attestationCommission],
        .recordAbsence: [.attestationCommission],
        .recordMinutes: [.attestationCommission],
        .sessionGaps: [.ministry, .auditor, .territorialBody],
        // The Ministry issues licenses and checks exemptions (142.5); territorial bodies receive the documents.
        .recordExemption: [.ministry, .territorialBody],
        // Legal aid: the bailiff reports monthly to his regional chamber (103-1.4), which reports
        // half-yearly to the territorial body (103-1.5).
        .recordLegalAidReport: [.bailiff, .regionalChamber],
        .legalAidSummary: [.ministry, .auditor, .territorialBody, .republicanChamber, .regionalChamber],
        .getMCITable: Set(Role.allCases),
    ]

    /// The article that reserves an operation to its roles, quoted in a denial.
    static let basis: [Operation: Article] = [
        .issueLicense: "142.1",
        .registerPerson: "141-1.2",
        .recordPersonFact: "167(11-1)",
        .correctPersonFact: "167(11-1)",
        .suspendLicense: "143.1",
        .reinstateLicense: "143.3",
        .submitProposal: "144.3",
        .declineProposal: "143.1",
        .suspendOnOwnApplication: "143.5",
        .resumeAfterMandate: "143.5",
        .refuseReinstatement: "143.3",
        .terminateLicense: "144.1",
        .fileDeprivationClaim: "144.2",
        .recordCourtDecision: "144.2",
        .recordCourtAnnulment: "143.8",
        .importWorkingCalendar: "167",
        .openDisciplinaryProceeding: "170.2",
        .closeDisciplinaryProceeding: "170.3",
        .importProceedings: "162.1.2",
        .recordTemporaryReplacement: "153-1.3",
        .returnToCreditor: "153-1.3",
        .relocateProceeding: "52.4.2",
        .recordLongAbsence: "148.1.9-2",
        .recordReturnFromAbsence: "148.1.9-2",
        .resumeTransferJob: "162.1.2-3",
        .confirmHandover: "148.1.9-2",
        .admitMember: "163-1.1.3-2",
        .expelMember: "172-1",
        .leaveChamber: "172-1",
        .placeMember: "163-1.1.3-2",
        .recordAccountingRegistration: "168.1.4",
        .recordOtherPaidActivity: "149",
        .importPracticeRecords: "167",
        .recordInsuranceContract: "146",
        .recordTraining: "148.1.9-1",
        .registerAssistant: "156.1",
        .endAssistant: "156.6",
        .issueServiceDocument: "154",
        .destroyServiceDocument: "144.4",
        .withdrawLicenseDocument: "144.4",
        .submitDraftProposal: "144.3",
        .scheduleInspection: "169.1",
        .requestDocuments: "169.5",
        .completeInspection: "169.1",
        .recordDuesPayment: "148.1.5-2",
        .recordDuesExemption: "172-1(3)",
        .submitApplication: "141-1.2",
        .returnApplication: "141-1.3",
        .reviewApplication: "141-1.4",
        .recordAttestationResult: "141-1.9",
        .recordExemption: "142.5",
    ]

    public static func isAllowed(_ role: Role, _ operation: Operation) -> Bool {
        allowed[operation]?.contains(role) ?? false
    }

    /// Throws PERMISSION_DENIED naming the role and the operation.
    public static func authorize(_ principal: Principal, _ operation: Operation) throws(Rejection) {
        guard isAllowed(principal.role, operation) else {
            throw Rejection(
                .permissionDenied, reason: "ROLE_NOT_ALLOWED",
                message: "role \(principal.role.rawValue) may not call \(operation.rawValue)",
                article: basis[operation]
            )
        }
    }
}
