/// An enforcement proceeding as the registry knows it (DOMAIN.md §3.31): enough to
/// know who holds it, to move it when its bailiff may no longer act, and to tell
/// the parties. The enforcement system keeps the rest.
public struct EnforcementProceeding: Hashable, Sendable, Codable {
    /// Who is responsible for it at a moment: exactly one bailiff or the regional
    /// chamber of a district, never two and never none (INV-14).
    public enum Holder: Hashable, Sendable, Codable, CustomStringConvertible {
        /// A private bailiff, by license number.
        case bailiff(license: String)
        /// The regional chamber of an enforcement district, between a hand-over and a reassignment.
        case regionalChamber(district: String)

        public var description: String {
            switch self {
            case .bailiff(let license): return "bailiff:\(license)"
            case .regionalChamber(let district): return "regionalChamber:\(district)"
            }
        }

        public init?(stored text: String) {
            if text.hasPrefix("bailiff:") {
                self = .bailiff(license: String(text.dropFirst(8)))
            } else if text.hasPrefix("regionalChamber:") {
                self = .regionalChamber(district: String(text.dropFirst(16)))
            } else {
                return nil
            }
        }
    }

    public enum Status: String, Hashable, Sendable, Codable {
        case open, closed
    }

    /// The enforcement system's number of the proceeding.
    public let number: String
    public let document: EnforcementDocument
    public let category: ProceedingCategory
    public let creditor: Party
    public let debtor: Party
    public let debtorLocation: DebtorLocation
    /// The sum to collect (zero for non-property documents).
    public let amount: Tenge
    public let openedOn: LocalDate
    /// The enforcement district the proceeding belongs to: its holder's (152.1).
    public var district: String
    public var holder: Holder
    /// Advance paid by the creditor and used so far (119); the rest goes back on a return (52.5, 153-1.3).
    public var advancePaid: Tenge
    public var advanceUsed: Tenge
    public var status: Status
    /// The last compulsory enforcement measure the enforcement system reported (144.2.4); nil when none was.
    public var lastMeasureOn: LocalDate?
    /// The first measure reported since the registry kept them (nil for one imported with only its last).
    public var firstMeasureOn: LocalDate?
    /// A measure in force since this day, such as a standing deduction from wages; nil when none stands.
    public var standingMeasureSince: LocalDate?
    /// The day the last standing measure was lifted.
    public var standingLiftedOn: LocalDate?

    public init(
        number: String, document: EnforcementDocument, category: ProceedingCategory, creditor: Party, debtor: Party,
        debtorLocation: DebtorLocation, amount: Tenge, openedOn: LocalDate, district: String, holder: Holder,
        advancePaid: Tenge, advanceUsed: Tenge, status: Status, lastMeasureOn: LocalDate? = nil,
        firstMeasureOn: LocalDate? = nil, standingMeasureSince: LocalDate? = nil, standingLiftedOn: LocalDate? = nil
    ) {
        self.number = number
        self.document = document
        self.category = category
        self.creditor = creditor
        self.debtor = debtor
        self.debtorLocation = debtorLocation
        self.amount = amount
        self.openedOn = openedOn
        self.district = district
        self.holder = holder
        self.advancePaid = advancePaid
        self.advanceUsed = advanceUsed
        self.status = status
        self.lastMeasureOn = lastMeasureOn
        self.firstMeasureOn = firstMeasureOn
        self.standingMeasureSince = standingMeasureSince
        self.standingLiftedOn = standingLiftedOn
    }

    /// 144.2.4 [DOMAIN §9.5-4]: the day from which this socially significant proceeding has gone a
    /// month without compulsory measures by `date`; nil when it has not. The month runs from the
    /// opening (37.4: measures are taken with the opening), so a first measure later than a month
    /// after it is a month missed; after that each measure starts a new month, and a measure in
    /// force (a standing deduction from wages) counts for as long as it stands.
    public func monthWithoutMeasures(on date: LocalDate) -> LocalDate? {
        guard status == .open, category == .sociallySignificant else { return nil }
        if let first = firstMeasureOn, first > openedOn.adding(months: 1) { return openedOn }
        guard standingMeasureSince == nil else { return nil }
        let since = [openedOn, lastMeasureOn, standingLiftedOn].compactMap { $0 }.max()!
        return date > since.adding(months: 1) ? since : nil
    }

    /// A measure taken on `date`; a standing one stays in force until lifted.
    public func measured(on date: LocalDate, standing: Bool) -> EnforcementProceeding {
        var next = self
        next.lastMeasureOn = max(lastMeasureOn ?? date, date)
        next.firstMeasureOn = min(firstMeasureOn ?? date, date)
        if standing && standingMeasureSince == nil { next.standingMeasureSince = date }
        return next
    }

    /// The standing measure is lifted on `date`; the next month runs from then.
    public func standingMeasureLifted(on date: LocalDate) -> EnforcementProceeding {
        var next = self
        next.standingMeasureSince = nil
        next.standingLiftedOn = date
        return next
    }

    /// The advance not yet used, which goes back to the creditor when he takes his document back.
    public var unusedAdvance: Tenge { advancePaid > advanceUsed ? advancePaid - advanceUsed : .zero }
}
