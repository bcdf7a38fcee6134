import Enforcement

/// A deadline a license decision sets for someone (DOMAIN.md §6.1 rows 26, 29, 31),
/// stored with the decision so an overdue one raises an alert instead of being forgotten.
public struct LicenseDeadline: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The bailiff hands his proceedings and archive to the regional chamber within 3 working days (148.1.9-2).
        case bailiffHandover
        /// The regional chamber takes transfer measures within 3 working days of the Ministry's notification (162.1.2-3).
        case chamberTransferMeasures
        /// The suspension's term ends; the Ministry must decide, the license does not lapse by itself (143.3, L4).
        case suspensionTermReview

        public var article: Article {
            switch self {
            case .bailiffHandover: return "148.1.9-2"
            case .chamberTransferMeasures: return "162.1.2-3"
            case .suspensionTermReview: return "143.3"
            }
        }
    }

    public let kind: Kind
    public let licenseNumber: LicenseNumber
    /// Position of the history entry that set it; nil when an event outside the license's
    /// history set it (an absence over a month).
    public let entry: Int?
    /// Who must act, as an identity the registry knows: the bailiff's license, a regional chamber's district, the Ministry.
    public let owner: String
    /// The last day on which the act is in time.
    public let dueOn: LocalDate

    public init(kind: Kind, licenseNumber: LicenseNumber, entry: Int?, owner: String, dueOn: LocalDate) {
        self.kind = kind
        self.licenseNumber = licenseNumber
        self.entry = entry
        self.owner = owner
        self.dueOn = dueOn
    }

    /// Overdue on `date` when that day is past the due date.
    public func isOverdue(on date: LocalDate) -> Bool { date > dueOn }
}

extension License {
    /// The deadlines the last history entry sets, computed with the working calendar.
    /// The chamber is notified in the decision's own transaction, so its 3 working days
    /// run from the decision date; the bailiff's from the day the decision took effect.
    /// A license that was already suspended has had its hand-over deadlines set then.
    public func deadlinesOfLastDecision(calendar: WorkingCalendar) throws(WorkingCalendar.Gap) -> [LicenseDeadline] {
        guard let change = history.last else { return [] }
        let entry = history.count - 1
        var deadlines: [LicenseDeadline] = []
        let wasActive = entry > 0 && history[entry - 1].status == .active
        if change.kind.removesRightToAct && wasActive {
            deadlines.append(
                LicenseDeadline(
                    kind: .bailiffHandover, licenseNumber: number, entry: entry, owner: "bailiff:\(number)",
                    dueOn: try calendar.adding(workingDays: 3, to: change.effectiveDate)))
            deadlines.append(
                LicenseDeadline(
                    kind: .chamberTransferMeasures, licenseNumber: number, entry: entry, owner: "regionalChamber:\(district)",
                    dueOn: try calendar.adding(workingDays: 3, to: change.decisionDate)))
        }
        if change.kind == .suspended, let end = change.termEnd {
            deadlines.append(
                LicenseDeadline(kind: .suspensionTermReview, licenseNumber: number, entry: entry, owner: "ministry", dueOn: end))
        }
        return deadlines
    }
}
