import Enforcement

/// Individual identification number (ЖСН / ИИН): 12 digits `YYMMDD C NNNN K`.
/// Validated by the mod-11 check digit with the two weight rows of REFERENCE-DATA.md §5.
///
/// `description` masks all but the last four digits so an IIN never lands in a
/// log line or error by accident; use `digits` where showing it is allowed.
public struct IIN: Hashable, Sendable, Codable, CustomStringConvertible {
    public let digits: String

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case wrongLength(Int)
        case notDigits
        case invalidCenturyDigit
        case invalidBirthDate
        case neverIssued
        case checkDigitMismatch

        public var description: String {
            switch self {
            case .wrongLength(let n): return "must be 12 digits, got \(n)"
            case .notDigits: return "must contain digits only"
            case .invalidCenturyDigit: return "7th digit (century and sex) must be 1–6"
            case .invalidBirthDate: return "first 6 digits are not a valid birth date YYMMDD"
            case .neverIssued: return "check digit cannot be computed (both weight rows give 10): no such IIN is issued"
            case .checkDigitMismatch: return "check digit does not match"
            }
        }
    }

    /// Validates; on failure tells what is wrong.
    public static func validate(_ text: String) -> Result<IIN, Problem> {
        guard text.count == 12 else { return .failure(.wrongLength(text.count)) }
        let values = text.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard values.count == 12 else { return .failure(.notDigits) }
        let centuryDigit = values[6]
        guard (1...6).contains(centuryDigit) else { return .failure(.invalidCenturyDigit) }
        let century = 1800 + (centuryDigit - 1) / 2 * 100
        let year = century + values[0] * 10 + values[1]
        guard LocalDate(year: year, month: values[2] * 10 + values[3], day: values[4] * 10 + values[5]) != nil else {
            return .failure(.invalidBirthDate)
        }
        guard let check = checkDigit(Array(values.prefix(11))) else { return .failure(.neverIssued) }
        guard check == values[11] else { return .failure(.checkDigitMismatch) }
        return .success(IIN(uncheckedDigits: text))
    }

    public init(_ text: String) throws(Rejection) {
        switch IIN.validate(text) {
        case .success(let iin): self = iin
        case .failure(let problem): throw Rejection.invalid("iin", problem.description)
        }
    }

    private init(uncheckedDigits: String) { self.digits = uncheckedDigits }

    /// For values the registry stored after validating them: checks only the shape
    /// (12 ASCII digits), not the checksum, so reading the register stays cheap.
    public init?(stored text: String) {
        guard text.utf8.count == 12, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        self.digits = text
    }

    /// Sum of dᵢ·wᵢ mod 11 with weights 1…11; if 10, again with 3…11,1,2; if still 10, none.
    public static func checkDigit(_ first11: [Int]) -> Int? {
        let rows = [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]]
        for weights in rows {
            let s = zip(first11, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
            if s != 10 { return s }
        }
        return nil
    }

    /// Birth date encoded in the first 7 digits.
    public var birthDate: LocalDate {
        let v = digits.compactMap(\.wholeNumberValue)
        let year = 1800 + (v[6] - 1) / 2 * 100 + v[0] * 10 + v[1]
        return LocalDate(year: year, month: v[2] * 10 + v[3], day: v[4] * 10 + v[5])!
    }

    public var description: String { "********" + digits.suffix(4) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard case .success(let iin) = IIN.validate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid IIN"))
        }
        self = iin
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
