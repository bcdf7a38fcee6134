import Enforcement
import Foundation
import Licensing
import Testing

@Suite("IIN (REFERENCE-DATA §5)")
struct IINTests {
    /// Builds a valid IIN from its first 11 digits by computing the check digit.
    static func make(_ first11: String) -> String {
        let digits = first11.compactMap(\.wholeNumberValue)
        return first11 + String(IIN.checkDigit(digits)!)
    }

    @Test func acceptsANumberWithItsCheckDigit() throws {
        let text = Self.make("90010130001")
        let iin = try IIN(text)
        #expect(iin.digits == text)
        #expect(iin.birthDate == LocalDate(year: 1990, month: 1, day: 1))
    }

    @Test func birthCenturyComesFromTheSeventhDigit() throws {
        #expect(try IIN(Self.make("05031550001")).birthDate == LocalDate(year: 2005, month: 3, day: 15))
        #expect(try IIN(Self.make("99123140001")).birthDate == LocalDate(year: 1999, month: 12, day: 31))
    }

    @Test func secondWeightRowIsUsedWhenTheFirstGivesTen() {
        // Find a prefix whose first weighted sum is 10 and check the second row decides.
        let prefix = (0..<10_000).lazy.map { String(format: "8501013%04d", $0) }.first { p in
            let d = p.compactMap(\.wholeNumberValue)
            return zip(d, 1...11).reduce(0) { $0 + $1.0 * $1.1 } % 11 == 10
        }!
        let d = prefix.compactMap(\.wholeNumberValue)
        let second = zip(d, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]).reduce(0) { $0 + $1.0 * $1.1 } % 11
        if second == 10 {
            #expect(IIN.validate(prefix + "0") == .failure(.neverIssued))
        } else {
            #expect(IIN.checkDigit(d) == second)
        }
    }

    @Test func rejectsAWrongCheckDigit() {
        let valid = Self.make("90010130001")
        let wrong = String(valid.dropLast()) + String((valid.last!.wholeNumberValue! + 1) % 10)
        #expect(IIN.validate(wrong) == .failure(.checkDigitMismatch))
    }

    @Test func rejectsMalformedNumbersNamingTheProblem() {
        #expect(IIN.validate("12345") == .failure(.wrongLength(5)))
        #expect(IIN.validate("9001013000ab") == .failure(.notDigits))
        #expect(IIN.validate("900101000017") == .failure(.invalidCenturyDigit))
        #expect(IIN.validate("901301300017") == .failure(.invalidBirthDate))
    }

    @Test func descriptionMasksTheNumber() throws {
        let iin = try IIN(Self.make("90010130001"))
        #expect(!iin.description.contains("900101"))
        #expect(iin.description.hasSuffix(String(iin.digits.suffix(4))))
    }

    @Test func invalidIINIsAnInvalidArgumentNamingTheField() {
        #expect(throws: Rejection.self) { try IIN("123") }
        do {
            _ = try IIN("123")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.fieldViolations.first?.field == "iin")
        }
    }
}
