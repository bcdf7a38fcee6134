import Enforcement

/// A calendar quarter, the period of the mandatory dues (148.1.5-2).
public struct Quarter: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...4).contains(number), (2000...2100).contains(year) else { return nil }
        self.year = year
        self.number = number
    }

    /// "2026Q3".
    public init?(_ text: String) {
        let parts = text.split(separator: "Q")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]) else { return nil }
        self.init(year: year, number: number)
    }

    public init(containing date: LocalDate) {
        self.year = date.year
        self.number = (date.month - 1) / 3 + 1
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: (number - 1) * 3 + 1, day: 1)! }
    public var lastDay: LocalDate { firstDay.adding(months: 3).adding(days: -1) }
    public var next: Quarter { number == 4 ? Quarter(year: year + 1, number: 1)! : Quarter(year: year, number: number + 1)! }
    public var description: String { "\(year)Q\(number)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.number) < (rhs.year, rhs.number) }
}

/// Quarterly dues to the Chamber (148.1.5-2) and the periods exempt from them (172-1(3)).
public enum Dues {
    public enum ExemptionReason: String, Hashable, Sendable, Codable, CaseIterable {
        /// Maternity leave, or child-care leave until the child is 3.
        case childCare
        /// Temporary incapacity for work with no practice for more than a month.
        case incapacity
    }

    public struct Exemption: Hashable, Sendable, Codable {
        public let reason: ExemptionReason
        public let from: LocalDate
        public let to: LocalDate

        public init(reason: ExemptionReason, from: LocalDate, to: LocalDate) {
            self.reason = reason
            self.from = from
            self.to = to
        }
    }

    /// The quarters in arrears on `date`: every quarter from the one he was admitted in whose
    /// last day has passed [POLICY: the charter sets the due date; the quarter's end is used],
    /// not paid, and not touched by an exempt period.
    public static func arrears(admittedOn: LocalDate, paid: Set<Quarter>, exemptions: [Exemption], on date: LocalDate) -> [Quarter] {
        var quarter = Quarter(containing: admittedOn)
        var owed: [Quarter] = []
        while quarter.lastDay < date {
            let exempt = exemptions.contains { $0.from <= quarter.lastDay && quarter.firstDay <= $0.to }
            if !paid.contains(quarter) && !exempt { owed.append(quarter) }
            quarter = quarter.next
        }
        return owed
    }

    /// "Repeatedly" is not quantified (§9.1-4); two quarters in arrears found 143.2.6 here, as
    /// 144.2.1 counts two violations [POLICY].
    public static let repeatedArrears = 2
}
