import Enforcement

/// An inspection of a bailiff's activity (169; DOMAIN.md §3.17, §4.4).
public struct Inspection: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Between 6 and 12 months after he started (169.4).
        case plannedFirst
        /// Once a year after the first (169.4).
        case plannedAnnual
        /// On a complaint or other information of bad-faith performance; territorial body or regional chamber (169.4 ¶2).
        case unscheduled
    }

    public enum Status: String, Hashable, Sendable, Codable {
        case scheduled, completed
    }

    public var id: Int64
    public let licenseNumber: LicenseNumber
    public let kind: Kind
    public let scheduledOn: LocalDate
    /// Identity of the inspecting body.
    public let inspectedBy: String
    /// Why: "schedule", or the complaint / information behind an unscheduled one.
    public let trigger: String
    public var status: Status
    public var completedOn: LocalDate?
    public var findings: String?

    public init(
        id: Int64, licenseNumber: LicenseNumber, kind: Kind, scheduledOn: LocalDate, inspectedBy: String, trigger: String,
        status: Status, completedOn: LocalDate?, findings: String?
    ) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.kind = kind
        self.scheduledOn = scheduledOn
        self.inspectedBy = inspectedBy
        self.trigger = trigger
        self.status = status
        self.completedOn = completedOn
        self.findings = findings
    }

    /// Schedules an inspection under 169.4. `startedOn` is the start of his activity (his
    /// admission to the Chamber); `existing` his other inspections.
    public static func schedule(
        _ kind: Kind, license: LicenseNumber, on date: LocalDate, startedOn: LocalDate?, existing: [Inspection],
        inspectedBy: String, mayInspectUnscheduled: Bool, trigger: String
    ) throws(Rejection) -> Inspection {
        switch kind {
        case .plannedFirst:
            guard let start = startedOn else {
                throw Rejection(
                    .failedPrecondition, reason: "START_UNKNOWN",
                    message: "the start of his activity is not on record; record his membership first", article: "169.4")
            }
            let earliest = start.adding(months: 6)
            let latest = start.adding(years: 1)
            guard date >= earliest, date <= latest else {
                throw Rejection(
                    .invalidArgument, reason: "OUTSIDE_FIRST_INSPECTION_WINDOW",
                    message:
                        "the first planned inspection falls between \(earliest) and \(latest) (6 months to a year after he started on \(start)), not on \(date)",
                    article: "169.4", fieldViolations: [.init(field: "scheduled_on", description: "outside \(earliest)…\(latest)")])
            }
            guard !existing.contains(where: { $0.kind == .plannedFirst }) else {
                throw Rejection(
                    .alreadyExists, reason: "FIRST_ALREADY_SCHEDULED",
                    message: "license \(license) already has its first planned inspection", article: "169.4")
            }
        case .plannedAnnual:
            guard let first = existing.first(where: { $0.kind == .plannedFirst }) else {
                throw Rejection(
                    .failedPrecondition, reason: "NO_FIRST_INSPECTION", message: "annual inspections follow the first planned one",
                    article: "169.4")
            }
            guard date > first.scheduledOn else {
                throw Rejection.invalid("scheduled_on", "after the first planned inspection on \(first.scheduledOn)", article: "169.4")
            }
            if existing.contains(where: { $0.kind != .unscheduled && $0.scheduledOn.year == date.year }) {
                throw Rejection(
                    .alreadyExists, reason: "ANNUAL_ALREADY_PLANNED",
                    message: "license \(license) already has a planned inspection in \(date.year); planned inspections are once a year",
                    article: "169.4")
            }
        case .unscheduled:
            guard mayInspectUnscheduled else {
                throw Rejection(
                    .permissionDenied, reason: "NOT_AN_UNSCHEDULED_INSPECTOR",
                    message: "unscheduled inspections are for a territorial body or a regional chamber", article: "169.4")
            }
            guard !trigger.trimmingWhitespace.isEmpty else {
                throw Rejection.invalid("trigger", "name the complaint or the information behind it", article: "169.4")
            }
        }
        return Inspection(
            id: 0, licenseNumber: license, kind: kind, scheduledOn: date, inspectedBy: inspectedBy,
            trigger: kind == .unscheduled ? trigger.trimmingWhitespace : "schedule", status: .scheduled, completedOn: nil, findings: nil)
    }

    /// 169.5: the bailiff gets at least 5 working days to provide what is requested.
    public static let minimumDocumentDays = 5

    public static func checkDocumentRequest(sentOn: LocalDate, dueOn: LocalDate, calendar: WorkingCalendar) throws(Rejection) {
        let earliest: LocalDate
        do { earliest = try calendar.adding(workingDays: minimumDocumentDays, to: sentOn) } catch {
            throw Rejection(.failedPrecondition, reason: "CALENDAR_GAP", message: "\(error)", article: "169.5")
        }
        guard dueOn >= earliest else {
            throw Rejection(
                .invalidArgument, reason: "DOCUMENT_TERM_TOO_SHORT",
                message: "documents requested on \(sentOn) may be due on \(earliest) at the earliest (5 working days), not \(dueOn)",
                article: "169.5", fieldViolations: [.init(field: "due_on", description: "before \(earliest)")])
        }
    }
}

/// An established breach of the law in enforcement (DOMAIN.md §3.18): the fact that 143.2.2,
/// 143.2.6 and 144.2.1 count.
public struct ViolationRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public let licenseNumber: LicenseNumber
    public let committedOn: LocalDate
    public let establishedOn: LocalDate
    /// The inspection, court act, prosecutor's act or complaint decision that established it.
    public let source: String
    public let description: String

    public init(
        id: Int64, licenseNumber: LicenseNumber, committedOn: LocalDate, establishedOn: LocalDate, source: String, description: String
    ) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.committedOn = committedOn
        self.establishedOn = establishedOn
        self.source = source
        self.description = description
    }

    /// 144.2.1: two or more violations committed within six consecutive calendar months, read as
    /// a rolling window on the date committed [AMBIGUOUS §9.1-5]. Returns the earliest such pair.
    public static func repeatedWithinSixMonths(_ records: [ViolationRecord]) -> (ViolationRecord, ViolationRecord)? {
        let sorted = records.sorted { ($0.committedOn, $0.id) < ($1.committedOn, $1.id) }
        for (index, first) in sorted.enumerated() {
            if let second = sorted.dropFirst(index + 1).first, second.committedOn < first.committedOn.adding(months: 6) {
                return (first, second)
            }
        }
        return nil
    }
}

extension Inspection {
    /// The next planned inspection a bailiff is due (169.4): the first between 6 and 12 months
    /// after he started, then one in every calendar year after it [POLICY: "once a year" read
    /// as once per calendar year]. `latest` passed without it means the inspection is overdue.
    public struct Due: Hashable, Sendable {
        public let kind: Kind
        public let earliest: LocalDate
        public let latest: LocalDate

        public func isOverdue(on date: LocalDate) -> Bool { date > latest }
    }

    public static func nextPlanned(startedOn start: LocalDate, inspections: [Inspection], on date: LocalDate) -> Due {
        let planned = inspections.filter { $0.kind != .unscheduled }
        guard let first = planned.first(where: { $0.kind == .plannedFirst }) else {
            return Due(kind: .plannedFirst, earliest: start.adding(months: 6), latest: start.adding(years: 1))
        }
        // The first calendar year after the first inspection's with no planned inspection, up to this year.
        var year = first.scheduledOn.year + 1
        while year < date.year && planned.contains(where: { $0.scheduledOn.year == year }) { year += 1 }
        if year == date.year && planned.contains(where: { $0.scheduledOn.year == year }) { year += 1 }
        return Due(
            kind: .plannedAnnual, earliest: LocalDate(year: year, month: 1, day: 1)!, latest: LocalDate(year: year, month: 12, day: 31)!)
    }
}
