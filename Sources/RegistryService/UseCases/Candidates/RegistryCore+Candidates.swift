import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// An intern starts with a host bailiff (140.4, 156.3): the intern must meet 156.3 and
    /// 156.1-1, the host must have practised for 3 years. The host records it himself, or his
    /// regional chamber or the territorial body does.
    public func startInternship(internIIN: String, hostLicense: String, startedOn: LocalDate?, context: RequestContext) async throws
        -> Internship
    {
        try await mutate(context: context, subject: { "internship:\($0.id)" }) { tx, now in
            let iin = try IIN(internIIN)
            guard let person = try tx.person(iin) else {
                throw Rejection(.notFound, reason: "PERSON_NOT_FOUND", message: "no person with IIN \(iin) is registered")
            }
            let host = try Self.requireLicense(hostLicense, field: "host_license", tx: tx)
            if context.principal.role == .bailiff && context.principal.licenseNumber != host.number {
                throw Rejection(.permissionDenied, reason: "NOT_THE_HOST", message: "a bailiff registers his own interns", article: "156.3")
            }
            let today = now.kazakhstanDate
            let date = startedOn ?? today
            guard date <= today else { throw Rejection.invalid("started_on", "\(date) is in the future") }
            guard let hostPerson = try tx.person(host.holder) else {
                throw Rejection(.notFound, reason: "PERSON_NOT_FOUND", message: "the holder of license \(host.number) is not registered")
            }
            let licenses = try tx.licenses(heldBy: host.holder)
            let internship = try Internship.start(
                intern: person, host: hostPerson, hostLicenses: licenses,
                hostMemberships: try licenses.flatMap { try tx.memberships(of: $0.number) },
                on: date, existing: try tx.internships(of: iin))
            return try tx.insert(internship)
        }
    }

    public func endInternship(id: Int64, completed: Bool, on date: LocalDate?, evidence: String, context: RequestContext) async throws
        -> Internship
    {
        try await mutate(context: context, subject: { "internship:\($0.id)" }) { tx, now in
            guard let internship = try tx.internship(id) else {
                throw Rejection(.notFound, reason: "INTERNSHIP_NOT_FOUND", message: "no internship \(id)")
            }
            if context.principal.role == .bailiff && context.principal.licenseNumber != internship.host {
                throw Rejection(
                    .permissionDenied, reason: "NOT_THE_HOST", message: "internship \(id) is hosted by \(internship.host)", article: "156.3"
                )
            }
            let today = now.kazakhstanDate
            let day = date ?? today
            guard day <= today else { throw Rejection.invalid("on", "\(day) is in the future") }
            let ended = try internship.ended(completed: completed, on: day, evidence: evidence)
            try tx.end(ended)
            return ended
        }
    }

    /// 141-1.2: the territorial body of the candidate's residence receives his application; the
    /// 5 and 15 working-day deadlines start.
    public func submitApplication(candidateIIN: String, receivedOn: LocalDate?, context: RequestContext) async throws
        -> AttestationApplication
    {
        try await mutate(context: context, subject: { "application:\($0.id)" }) { tx, now in
            let iin = try IIN(candidateIIN)
            guard let person = try tx.person(iin) else {
                throw Rejection(.notFound, reason: "PERSON_NOT_FOUND", message: "no person with IIN \(iin) is registered")
            }
            guard let region = context.principal.region else {
                throw Rejection(
                    .permissionDenied, reason: "NO_REGION", message: "applications are received by a territorial body of a region",
                    article: "141-1.2")
            }
            let today = now.kazakhstanDate
            let date = receivedOn ?? today
            guard date <= today else { throw Rejection.invalid("received_on", "\(date) is in the future") }
            let application = try AttestationApplication.submit(
                by: person, region: region, receivedOn: date, internships: try tx.internships(of: iin),
                previous: try tx.applications(of: iin), calendar: try tx.workingCalendar())
            return try tx.insert(application, recordedBy: context.principal.uri)
        }
    }

    /// 141-1.3: returned as incomplete within 5 working days.
    public func returnApplication(id: Int64, reasons: String, context: RequestContext) async throws -> AttestationApplication {
        try await decideApplication(id, context: context) { application, _, today in
            try application.returnedIncomplete(reasons: reasons, on: today)
        }
    }

    /// 141-1.4: refused with reasons and their articles, or admitted, on the facts of the day.
    public func reviewApplication(id: Int64, context: RequestContext) async throws -> AttestationApplication {
        try await decideApplication(id, context: context) { application, person, today in
            try application.reviewed(candidate: person, on: today)
        }
    }

    func decideApplication(
        _ id: Int64, context: RequestContext,
        _ decide: @escaping @Sendable (AttestationApplication, Person, LocalDate) throws -> AttestationApplication
    ) async throws -> AttestationApplication {
        try await mutate(context: context, subject: { "application:\($0.id)" }) { tx, now in
            guard let application = try tx.application(id) else {
                throw Rejection(.notFound, reason: "APPLICATION_NOT_FOUND", message: "no application \(id)")
            }
            guard context.principal.region == application.region else {
                throw Rejection(
                    .permissionDenied, reason: "OTHER_REGION", message: "application \(id) was received in \(application.region)",
                    article: "141-1.2")
            }
            guard let person = try tx.person(application.candidate) else {
                throw Rejection(.notFound, reason: "PERSON_NOT_FOUND", message: "the candidate of application \(id) is not registered")
            }
            let decided = try decide(application, person, now.kazakhstanDate)
            try tx.decide(decided)
            let legalBasis = decided.legalBasis ?? "141-1.4"
            try tx.appendOutbox(
                eventType: "notification", subject: "application:\(id)",
                fields: [
                    "recipient": "candidate", "application": .number(id), "status": .text(decided.status.rawValue),
                    "legal_basis": .text(legalBasis),
                ], at: now)
            return decided
        }
    }

    /// The applications of a region (the caller's, for a territorial body), or those undecided past 15 working days.
    public func applications(overdueOn: LocalDate?, context: RequestContext) async throws -> [AttestationApplication] {
        let region = context.principal.role == .territorialBody ? context.principal.region : nil
        return try await store.read { try $0.applications(region: region, overdueOn: overdueOn) }
    }

    /// An exemption from internship and attestation (142.5), checked against its evidence.
    public func recordExemption(_ exemption: Exemption, context: RequestContext) async throws -> Exemption {
        try await mutate(context: context, subject: { "exemption:\($0.id)" }) { tx, _ in
            guard try tx.person(exemption.person) != nil else {
                throw Rejection(.notFound, reason: "PERSON_NOT_FOUND", message: "no person with IIN \(exemption.person) is registered")
            }
            return try tx.insert(try exemption.validated(), recordedBy: context.principal.uri)
        }
    }
}
