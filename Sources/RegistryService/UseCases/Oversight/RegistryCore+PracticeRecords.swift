import Enforcement
import Licensing
import RegistryStore

/// One record of ImportPracticeRecords, as the edge decoded it.
public enum PracticeRecordCommand: Sendable {
    case membership(licenseNumber: String, district: String, admittedOn: LocalDate?, decision: String)
    case insurance(InsuranceContract)
    case registration(licenseNumber: String, registeredOn: LocalDate?, reference: String)
}

/// What an import kept and what it refused, record by record.
public struct PracticeImportResult: Codable, Sendable {
    public var accepted: Int
    public var refused: [Refused]

    public init(accepted: Int, refused: [Refused]) {
        self.accepted = accepted
        self.refused = refused
    }

    public struct Refused: Codable, Sendable {
        public let index: Int
        public let rejection: Rejection

        public init(index: Int, rejection: Rejection) {
            self.index = index
            self.rejection = rejection
        }
    }
}

extension RegistryCore {
    /// 168.1.4: the territorial body registers the bailiffs of its district; he may practise from then.
    public func recordAccountingRegistration(licenseNumber: String, registeredOn: LocalDate?, reference: String, context: RequestContext)
        async throws -> AccountingRegistration
    {
        try await mutate(context: context, subject: { "registration:\($0.id)" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "168.1.4")
            return try Self.register(
                license, registeredOn: registeredOn, reference: reference, region: context.principal.regionalScope,
                recordedBy: context.principal.uri, tx: tx, at: now)
        }
    }

    static func register(
        _ license: License, registeredOn: LocalDate?, reference: String, region: String?, recordedBy: String,
        tx: StoreTransaction, at now: Instant
    ) throws -> AccountingRegistration {
        let today = now.kazakhstanDate
        let day = registeredOn ?? today
        guard day <= today else { throw Rejection.invalid("registered_on", "\(day) is in the future (today is \(today))") }
        guard license.issuedOn <= day else {
            throw Rejection.invalid(
                "registered_on", "\(day) is before license \(license.number) was issued on \(license.issuedOn)", article: "168.1.4")
        }
        guard !license.status.isFinal else {
            throw Rejection(
                .failedPrecondition, reason: "LICENSE_ENDED",
                message: "license \(license.number) is \(license.status.rawValue): there is no practice to register", article: "168.1.4")
        }
        let reference = reference.trimmingWhitespace
        guard !reference.isEmpty else { throw Rejection.invalid("reference", "the registration's number or order", article: "168.1.4") }
        guard try !tx.accountingRegistrations(of: license.number).contains(where: { $0.reference == reference }) else {
            throw Rejection(
                .alreadyExists, reason: "REGISTRATION_ALREADY_RECORDED",
                message: "registration \(reference) of license \(license.number) is already recorded")
        }
        return try tx.insert(
            AccountingRegistration(
                id: 0, licenseNumber: license.number, registeredOn: day, region: region ?? license.district,
                reference: reference, recordedBy: recordedBy), at: now)
    }

    /// 149: paid work besides practice, as established by an act; allowed kinds are kept as facts.
    public func recordOtherPaidActivity(
        licenseNumber: String, kind: String, from: LocalDate, to: LocalDate?, description: String, source: String,
        context: RequestContext
    ) async throws -> OtherPaidActivity {
        try await mutate(context: context, subject: { "other-activity:\($0.id)" }) { tx, now in
            guard let kind = OtherPaidActivity.Kind(rawValue: kind) else {
                throw Rejection.invalid(
                    "kind", "one of \(OtherPaidActivity.Kind.allCases.map(\.rawValue).joined(separator: ", "))", article: "149")
            }
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "168.1.1")
            let activity = try OtherPaidActivity(
                id: 0, licenseNumber: license.number, kind: kind, from: from, to: to,
                description: description.trimmingWhitespace, source: source.trimmingWhitespace
            )
            .validated(today: now.kazakhstanDate)
            let stored = try tx.insert(activity, recordedBy: context.principal.uri, at: now)
            if !kind.isAllowed {
                try tx.appendOutbox(
                    eventType: "alert.other_paid_activity", subject: license.number.value,
                    fields: [
                        "license": .text(license.number.value), "activity": .number(stored.id), "from": .text(from.description),
                    ], at: now)
            }
            return stored
        }
    }

    /// Ministry only: the records of bailiffs licensed before the registry kept them, each in its
    /// own savepoint and checked as its own method checks it; a refused one keeps nothing of itself.
    public func importPracticeRecords(_ records: [PracticeRecordCommand], historicalSource: String, context: RequestContext) async throws
        -> PracticeImportResult
    {
        let source = historicalSource.trimmingWhitespace
        guard !source.isEmpty else {
            throw Rejection.invalid("historical_source", "name where the records come from, e.g. the Chamber's member list of a date")
        }
        guard !records.isEmpty else { throw Rejection.invalid("records", "nothing to import") }
        return try await mutate(context: context, subject: { "practice-import:\($0.accepted) accepted, \($0.refused.count) refused" }) {
            tx, now in
            var result = PracticeImportResult(accepted: 0, refused: [])
            let recordedBy = "\(context.principal.uri) (import: \(source))"
            for (index, record) in records.enumerated() {
                do {
                    try tx.savepoint {
                        switch record {
                        case .membership(let number, let district, let admittedOn, let decision):
                            _ = try Self.admit(
                                licenseNumber: number, district: district, admittedOn: admittedOn, decision: "\(decision) (\(source))",
                                recordedBy: recordedBy, tx: tx, at: now)
                        case .insurance(let contract):
                            _ = try Self.insure(contract, recordedBy: recordedBy, tx: tx, at: now)
                        case .registration(let number, let day, let reference):
                            _ = try Self.register(
                                try Self.requireLicense(number, field: "license_number", tx: tx), registeredOn: day, reference: reference,
                                region: nil, recordedBy: recordedBy, tx: tx, at: now)
                        }
                    }
                    result.accepted += 1
                } catch let rejection as Rejection {
                    result.refused.append(.init(index: index, rejection: rejection))
                }
            }
            return result
        }
    }
}
