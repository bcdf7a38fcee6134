import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// 156.1: a bailiff registers his assistant, or his regional chamber does; the person must meet
    /// 156.2 and 156.1-1 on the first day of the labour contract.
    public func registerAssistant(
        iin text: String, employerLicense: String, contract: String, employedFrom: LocalDate?,
        certificate: String, certificateOn: LocalDate, programme: String, context: RequestContext
    ) async throws -> Assistant {
        try await mutate(context: context, subject: { "assistant:\($0.id)" }) { tx, now in
            let iin = try IIN(text)
            guard let person = try tx.person(iin) else {
                throw Rejection(.notFound, reason: "PERSON_NOT_FOUND", message: "no person with IIN \(iin) is registered")
            }
            let employer = try Self.requireLicense(employerLicense, field: "employer_license", tx: tx)
            try Self.requireEmployerScope(context.principal, employer: employer)
            let day = try Self.recordedDay(employedFrom, field: "employed_from", now: now)
            let assistant = try Assistant.employ(
                person, by: employer, contract: contract, from: day,
                certificate: .init(
                    number: certificate.trimmingWhitespace, issuedOn: certificateOn, programme: programme.trimmingWhitespace),
                existing: try tx.assistants(person: iin))
            return try tx.insert(assistant, recordedBy: context.principal.uri, at: now)
        }
    }

    public func endAssistant(id: Int64, on date: LocalDate?, reason: String, context: RequestContext) async throws -> Assistant {
        try await mutate(context: context, subject: { "assistant:\($0.id)" }) { tx, now in
            guard let assistant = try tx.assistant(id) else {
                throw Rejection(.notFound, reason: "ASSISTANT_NOT_FOUND", message: "no assistant entry \(id)")
            }
            try Self.requireEmployerScope(context.principal, employer: try Self.requireLicense(assistant.employer, tx: tx))
            let day = try Self.recordedDay(date, field: "on", now: now)
            let ended = try assistant.ended(on: day, reason: reason)
            try tx.end(ended)
            return ended
        }
    }

    /// A bailiff sees his own assistants; the chambers and bodies see the register.
    public func assistants(employerLicense: String, iin: String, context: RequestContext) async throws -> [Assistant] {
        return try await store.read { tx in
            switch (employerLicense.isEmpty, iin.isEmpty) {
            case (false, true):
                let employer = try LicenseNumber.parse(employerLicense, field: "employer_license")
                try Self.requireOwnRecord(context.principal, license: employer, what: "assistants", article: "156.1")
                return try tx.assistants(employer: employer)
            case (true, false):
                let person = try IIN(iin)
                let found = try tx.assistants(person: person)
                if context.principal.role == .bailiff { return found.filter { $0.employer == context.principal.licenseNumber } }
                return found
            default:
                throw Rejection.invalid("employer_license", "give the employer's license or the person's IIN, one of them")
            }
        }
    }

    /// The employer himself, or a regional body of his district.
    static func requireEmployerScope(_ principal: Principal, employer: License) throws(Rejection) {
        if principal.role == .bailiff && principal.licenseNumber != employer.number {
            throw Rejection(
                .permissionDenied, reason: "NOT_THE_EMPLOYER", message: "a bailiff registers his own assistants", article: "156.1")
        }
        try requireOwnRegion(principal, license: employer, article: "156.1")
    }
}
