/// An amount in tenge, held in tiyn (1/100) so sums add up exactly.
public struct Tenge: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let tiyn: Int64

    public init(tiyn: Int64) { self.tiyn = tiyn }

    public static let zero = Tenge(tiyn: 0)

    /// Parses "1250000", "1250000.5" or "1250000.50"; nil for anything else or a negative sum.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int64(parts[0]) else {
            return nil
        }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(parts[1]) else {
                return nil
            }
            fraction = parts[1].count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        self.tiyn = scaled + fraction
    }

    public var description: String {
        let cents = tiyn % 100
        return "\(tiyn / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    public static func < (lhs: Tenge, rhs: Tenge) -> Bool { lhs.tiyn < rhs.tiyn }
    public static func + (lhs: Tenge, rhs: Tenge) -> Tenge { Tenge(tiyn: lhs.tiyn + rhs.tiyn) }
    public static func - (lhs: Tenge, rhs: Tenge) -> Tenge { Tenge(tiyn: lhs.tiyn - rhs.tiyn) }
}

/// The monthly calculation index (МРП/АЕК), set by the republican budget law from 1 January
/// and sometimes changed within the year (from 01.04.2020): thresholds such as the 1,000 MCI of
/// 138.1(4) and the insurance minimum of 146.2-1 are counted at the MCI in force on a date
/// (146.2-1 «шарт жасалған күнге»). A value, loaded at the edge from shipped data the Ministry
/// can update (`registry-admin mci set`); a year it holds no rate for is refused, never guessed.
public struct MCITable: Hashable, Sendable, Codable {
    /// One value of the MCI and the day it took effect.
    public struct Rate: Hashable, Sendable, Codable {
        public let from: LocalDate
        public let tenge: Int64

        public init(from: LocalDate, tenge: Int64) {
            self.from = from
            self.tenge = tenge
        }
    }

    /// Sorted by `from`; one rate per effective date.
    public private(set) var rates: [Rate]

    public init(rates: [Rate]) {
        var byDate: [LocalDate: Int64] = [:]
        for rate in rates { byDate[rate.from] = rate.tenge }
        self.rates = byDate.map { Rate(from: $0.key, tenge: $0.value) }.sorted { $0.from < $1.from }
    }

    /// A table of yearly values, each in force from 1 January.
    public init(tengeByYear: [Int: Int64]) {
        self.init(rates: tengeByYear.map { Rate(from: LocalDate(year: $0.key, month: 1, day: 1)!, tenge: $0.value) })
    }

    /// A rate taking effect on `from`, replacing one set for the same day.
    public mutating func set(_ rate: Rate) {
        self = MCITable(rates: rates + [rate])
    }

    /// The MCI in force on `date`: the latest rate of the same year taking effect on or before it.
    /// Each budget law sets its year's MCI, so a rate never carries over into a year with none.
    public func rate(on date: LocalDate) -> Rate? {
        rates.last { $0.from <= date && $0.from.year == date.year }
    }

    /// `count` MCI in force on `date` in tenge, or nil when the MCI of that day is not known.
    public func amount(_ count: Int64, on date: LocalDate) -> Tenge? {
        rate(on: date).map { Tenge(tiyn: $0.tenge * count * 100) }
    }
}
