import Enforcement

/// An entry of the State Register of private bailiff licenses (142.1, DOMAIN.md §3.8–3.9).
/// A general license: unlimited in time, valid in the whole Republic (142.4).
public struct License: Hashable, Sendable, Codable {
    public let number: LicenseNumber
    public let holder: IIN
    public let holderName: PersonName
    /// Enforcement district where the holder practises.
    public let district: String
    public let issuedOn: LocalDate
    public let basis: LicenseBasis
    public var status: LicenseStatus
    public var deprivationClaimPending: Bool
    /// Oldest first; the first entry is the issuance.
    public var history: [StatusChange]

    public init(
        number: LicenseNumber, holder: IIN, holderName: PersonName, district: String, issuedOn: LocalDate, basis: LicenseBasis,
        status: LicenseStatus, deprivationClaimPending: Bool, history: [StatusChange]
    ) {
        self.number = number
        self.holder = holder
        self.holderName = holderName
        self.district = district
        self.issuedOn = issuedOn
        self.basis = basis
        self.status = status
        self.deprivationClaimPending = deprivationClaimPending
        self.history = history
    }
}

/// A license number as the register assigns it: `YYYY-NNNNNN`, the year of
/// issue and a sequence within the register.
public struct LicenseNumber: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    public init?(_ value: String) {
        let parts = value.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 6,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        self.value = value
    }

    public init(year: Int, sequence: Int) {
        let seq = String(sequence)
        self.value = "\(year)-" + String(repeating: "0", count: max(0, 6 - seq.count)) + seq
    }

    public var description: String { value }

    public static func < (lhs: LicenseNumber, rhs: LicenseNumber) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let number = LicenseNumber(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a license number: \(text)"))
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension LicenseNumber {
    /// Parses a number from a request, refusing a malformed one by its field name.
    public static func parse(_ text: String, field: String = "number") throws(Rejection) -> LicenseNumber {
        guard let number = LicenseNumber(text) else { throw Rejection.invalid(field, "expected YYYY-NNNNNN, got '\(text)'") }
        return number
    }
}
