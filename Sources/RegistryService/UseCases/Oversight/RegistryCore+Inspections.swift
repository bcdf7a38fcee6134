import Enforcement
import Licensing
import RegistryStore

/// A violation as an inspection's findings name it.
public struct FoundViolation: Sendable {
    public var committedOn: LocalDate
    public var description: String

    public init(committedOn: LocalDate, description: String) {
        self.committedOn = committedOn
        self.description = description
    }
}

extension RegistryCore {
    /// Schedules an inspection (169.1, 169.4). A territorial body or regional chamber inspects
    /// the bailiffs of its own region; only they inspect without a plan (169.4 ¶2).
    public func scheduleInspection(licenseNumber: String, kind: String, on date: LocalDate, trigger: String, context: RequestContext)
        async throws -> Inspection
    {
        try await mutate(context: context, subject: { "inspection:\($0.id)" }) { tx, _ in
            guard let kind = Inspection.Kind(rawValue: kind) else {
                throw Rejection.invalid("kind", "plannedFirst, plannedAnnual or unscheduled", article: "169.4")
            }
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "169.1")
            let start = try tx.memberships(of: license.number).map(\.admittedOn).min()
            let role = context.principal.role
            let inspection = try Inspection.schedule(
                kind, license: license.number, on: date, startedOn: start, existing: try tx.inspections(of: license.number),
                inspectedBy: context.principal.uri, mayInspectUnscheduled: role == .territorialBody || role == .regionalChamber,
                trigger: trigger)
            return try tx.insert(inspection)
        }
    }

    /// 169.5: documents requested in an inspection are due in at least 5 working days.
    public func requestDocuments(inspection id: Int64, sentOn: LocalDate?, dueOn: LocalDate, subject: String, context: RequestContext)
        async throws -> Int64
    {
        try await mutate(context: context, subject: { "document-request:\($0)" }) { tx, now in
            let inspection = try Self.requireInspection(id, by: context.principal, tx: tx)
            let sent = sentOn ?? now.kazakhstanDate
            try Inspection.checkDocumentRequest(sentOn: sent, dueOn: dueOn, calendar: try tx.workingCalendar())
            let subject = subject.trimmingWhitespace
            guard !subject.isEmpty else { throw Rejection.invalid("subject", "say what is requested", article: "169.5") }
            return try tx.insertDocumentRequest(inspection: inspection.id, sentOn: sent, dueOn: dueOn, subject: subject)
        }
    }

    /// Completes an inspection with its findings; each violation found becomes a violation record.
    public func completeInspection(
        id: Int64, completedOn: LocalDate?, findings: String, violations: [FoundViolation], context: RequestContext
    ) async throws -> Inspection {
        try await mutate(context: context, subject: { "inspection:\($0.id)" }) { tx, now in
            var inspection = try Self.requireInspection(id, by: context.principal, tx: tx)
            guard inspection.status == .scheduled else {
                throw Rejection(.failedPrecondition, reason: "ALREADY_COMPLETED", message: "inspection \(id) is completed")
            }
            let today = now.kazakhstanDate
            let date = completedOn ?? today
            guard date <= today, date >= inspection.scheduledOn else {
                throw Rejection.invalid("completed_on", "between \(inspection.scheduledOn) and today (\(today))")
            }
            let findings = findings.trimmingWhitespace
            guard !findings.isEmpty else {
                throw Rejection.invalid("findings", "state the findings, or that none were made", article: "169.1")
            }
            inspection.status = .completed
            inspection.completedOn = date
            inspection.findings = findings
            try tx.complete(inspection)
            for found in violations {
                guard found.committedOn <= date else {
                    throw Rejection.invalid("violations.committed_on", "\(found.committedOn) is after the inspection")
                }
                _ = try tx.insert(
                    ViolationRecord(
                        id: 0, licenseNumber: inspection.licenseNumber, committedOn: found.committedOn, establishedOn: date,
                        source: "inspection \(inspection.id)", description: found.description), recordedBy: context.principal.uri)
            }
            return inspection
        }
    }

    /// A violation established by another act (a court act, a prosecutor's act, a complaint decision).
    public func recordViolation(
        licenseNumber: String, committedOn: LocalDate, establishedOn: LocalDate, source: String, description: String,
        context: RequestContext
    ) async throws -> ViolationRecord {
        try await mutate(context: context, subject: { "violation:\($0.id)" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            let today = now.kazakhstanDate
            guard committedOn <= establishedOn, establishedOn <= today else {
                throw Rejection.invalid("established_on", "committed ≤ established ≤ today (\(today))")
            }
            let source = source.trimmingWhitespace
            let description = description.trimmingWhitespace
            guard !source.isEmpty, !description.isEmpty else {
                throw Rejection.invalid("source", "name the act that established it and describe the violation")
            }
            return try tx.insert(
                ViolationRecord(
                    id: 0, licenseNumber: license.number, committedOn: committedOn, establishedOn: establishedOn,
                    source: source, description: description), recordedBy: context.principal.uri)
        }
    }

    public func inspections(licenseNumber: String, context: RequestContext) async throws -> ([Inspection], [ViolationRecord]) {
        let number = try LicenseNumber.parse(licenseNumber, field: "license_number")
        return try await store.read { (try $0.inspections(of: number), try $0.violations(of: number)) }
    }

    static func requireInspection(_ id: Int64, by principal: Principal, tx: StoreTransaction) throws -> Inspection {
        guard let inspection = try tx.inspection(id) else {
            throw Rejection(.notFound, reason: "INSPECTION_NOT_FOUND", message: "no inspection \(id)")
        }
        guard inspection.inspectedBy == principal.uri else {
            throw Rejection(
                .permissionDenied, reason: "NOT_THE_INSPECTOR", message: "inspection \(id) is conducted by \(inspection.inspectedBy)",
                article: "169.1")
        }
        return inspection
    }
}

/// A member's next planned inspection, for the inspection schedule.
public struct ScheduledInspection: Sendable {
    public let license: LicenseNumber
    public let district: String
    public let due: Inspection.Due
    public let overdue: Bool
}

extension RegistryCore {
    /// The inspection schedule (169.4) as of `date`: every member's next planned inspection,
    /// only the overdue ones when asked. A territorial body or regional chamber sees its region.
    public func inspectionSchedule(asOf date: LocalDate?, overdueOnly: Bool, context: RequestContext) async throws -> [ScheduledInspection]
    {
        let day = date ?? clock.now().kazakhstanDate
        let region = context.principal.regionalScope
        return try await store.read { reader in
            var schedule: [ScheduledInspection] = []
            var cursor: LicenseNumber?
            while true {
                let page = try reader.licenses(matching: LicenseFilter(status: .active, district: region), after: cursor, limit: 500)
                for license in page {
                    guard let start = try reader.memberships(of: license.number).filter({ $0.isActive(on: day) }).map(\.admittedOn).min()
                    else { continue }
                    let due = Inspection.nextPlanned(startedOn: start, inspections: try reader.inspections(of: license.number), on: day)
                    let overdue = due.isOverdue(on: day)
                    if overdue || !overdueOnly {
                        schedule.append(
                            ScheduledInspection(license: license.number, district: license.district, due: due, overdue: overdue))
                    }
                }
                guard page.count == 500, let last = page.last else { break }
                cursor = last.number
            }
            return schedule
        }
    }
}
