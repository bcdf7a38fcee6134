import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// Records a complaint about a bailiff and routes it to the regional chamber and the
    /// territorial body of his district (162.1.2-2, 168.2.4), as outbox notices.
    public func recordComplaint(
        licenseNumber: String, receivedOn: LocalDate?, complainant: String, summary: String, context: RequestContext
    ) async throws -> Complaint {
        try await mutate(context: context, subject: { "complaint:\($0.id)" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            let today = now.kazakhstanDate
            let date = receivedOn ?? today
            guard date <= today else { throw Rejection.invalid("received_on", "\(date) is in the future") }
            let complainant = complainant.trimmingWhitespace
            let summary = summary.trimmingWhitespace
            guard !complainant.isEmpty else { throw Rejection.invalid("complainant", "who complains", article: "162.1.2-2") }
            guard !summary.isEmpty else { throw Rejection.invalid("summary", "what the complaint is about", article: "162.1.2-2") }
            let complaint = try tx.insert(
                Complaint(
                    id: 0, licenseNumber: license.number, receivedOn: date, complainant: complainant, summary: summary,
                    district: license.district, status: .open, outcome: nil, inspectionID: nil, disciplinaryProceedingID: nil),
                recordedBy: context.principal.uri)
            for (recipient, article) in [
                ("regionalChamber:\(license.district)", "162.1.2-2"), ("territorialBody:\(license.district)", "168.2.4"),
            ] {
                try tx.appendOutbox(
                    eventType: "notification", subject: license.number.value,
                    fields: [
                        "recipient": .text(recipient), "complaint": .number(complaint.id), "license": .text(license.number.value),
                        "legal_basis": .text(article),
                    ], at: now)
            }
            return complaint
        }
    }

    /// Closes a complaint with its outcome and, if it led to one, the unscheduled inspection
    /// (169.4 ¶2) or disciplinary proceeding (168.1.3) opened on it.
    public func closeComplaint(id: Int64, outcome: String, inspectionID: Int64?, disciplinaryProceedingID: Int64?, context: RequestContext)
        async throws -> Complaint
    {
        try await mutate(context: context, subject: { "complaint:\($0.id)" }) { tx, _ in
            guard var complaint = try tx.complaint(id) else {
                throw Rejection(.notFound, reason: "COMPLAINT_NOT_FOUND", message: "no complaint \(id)")
            }
            guard complaint.status == .open else {
                throw Rejection(.failedPrecondition, reason: "ALREADY_CLOSED", message: "complaint \(id) is closed")
            }
            let outcome = outcome.trimmingWhitespace
            guard !outcome.isEmpty else { throw Rejection.invalid("outcome", "state how the complaint was resolved", article: "162.1.2-2") }
            if let inspectionID {
                guard let inspection = try tx.inspection(inspectionID), inspection.licenseNumber == complaint.licenseNumber else {
                    throw Rejection.invalid("inspection_id", "no inspection \(inspectionID) of license \(complaint.licenseNumber)")
                }
            }
            if let disciplinaryProceedingID {
                guard let proceeding = try tx.disciplinaryProceeding(disciplinaryProceedingID),
                    proceeding.licenseNumber == complaint.licenseNumber
                else {
                    throw Rejection.invalid(
                        "disciplinary_proceeding_id",
                        "no disciplinary proceeding \(disciplinaryProceedingID) of license \(complaint.licenseNumber)")
                }
            }
            complaint.status = .closed
            complaint.outcome = outcome
            complaint.inspectionID = inspectionID
            complaint.disciplinaryProceedingID = disciplinaryProceedingID
            try tx.close(complaint)
            return complaint
        }
    }

    public func complaints(licenseNumber: String, context: RequestContext) async throws -> [Complaint] {
        let number = try LicenseNumber.parse(licenseNumber, field: "license_number")
        return try await store.read { try $0.complaints(of: number) }
    }
}
