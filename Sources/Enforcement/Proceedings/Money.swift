/// An amount in tenge, held in tiyn (1/100) so sums add up exactly.
public struct Tenge: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let tiyn: Int64

    public init(tiyn: Int64) { self.tiyn = tiyn }

    public static let zero = Tenge(tiyn: 0)

    /// Parses "1250000", "1250000.5" or "1250000.50"; nil for anything else or a negative sum.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(parts[1]) else { return nil }
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

/// The monthly calculation index (МРП/АЕК) by year, set each year by the republican budget
/// law: thresholds such as the 1,000 MCI of 138.1(4) and the insurance minimum of 146.2-1
/// are counted in it. A value, loaded at the edge from shipped data the Ministry can update
/// (`registry-admin mci set`); a year it does not hold is refused, never guessed.
public struct MCITable: Hashable, Sendable, Codable {
    public var tengeByYear: [Int: Int64]

    public init(tengeByYear: [Int: Int64]) { self.tengeByYear = tengeByYear }

    /// `count` MCI of `year` in tenge, or nil when that year's MCI is not known.
    public func amount(_ count: Int64, year: Int) -> Tenge? {
        tengeByYear[year].map { Tenge(tiyn: $0 * count * 100) }
    }
}
