import Enforcement

/// A professional liability insurance contract (146; DOMAIN.md §3.22). Without a valid
/// one whose sum is at least the minimum a bailiff may not practise (146.1, INV-4).
public struct InsuranceContract: Hashable, Sendable, Codable {
    public var id: Int64
    public let licenseNumber: LicenseNumber
    public let insurer: String
    public let contractNumber: String
    /// The MCI of this year sets the minimum (146.2-1).
    public let concludedOn: LocalDate
    public let validFrom: LocalDate
    public let validTo: LocalDate
    public let sumInsured: Tenge

    public init(
        id: Int64, licenseNumber: LicenseNumber, insurer: String, contractNumber: String, concludedOn: LocalDate,
        validFrom: LocalDate, validTo: LocalDate, sumInsured: Tenge
    ) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.insurer = insurer
        self.contractNumber = contractNumber
        self.concludedOn = concludedOn
        self.validFrom = validFrom
        self.validTo = validTo
        self.sumInsured = sumInsured
    }

    /// 146.2-1: 1,000 MCI for a bailiff of Astana, Almaty or Shymkent, 500 MCI elsewhere, at the
    /// MCI in force on the day the contract was concluded; nil when that day's MCI is unknown.
    public static func minimumSum(district: String, concludedOn date: LocalDate, mci: MCITable) -> Tenge? {
        let republican = EnforcementDistrict.named(district)?.isRepublicanCity ?? false
        return mci.amount(republican ? 1_000 : 500, on: date)
    }

    public func covers(_ date: LocalDate) -> Bool { validFrom <= date && date <= validTo }

    /// Checks the contract's own data; the sum is judged against the minimum by `insuranceOutcome`.
    public func validated() throws(Rejection) -> InsuranceContract {
        guard validFrom <= validTo else { throw Rejection.invalid("valid_to", "the cover ends before it starts") }
        guard concludedOn <= validTo else { throw Rejection.invalid("concluded_on", "concluded after the cover ended") }
        guard !insurer.trimmingWhitespace.isEmpty else { throw Rejection.invalid("insurer", "required", article: "146.1") }
        guard !contractNumber.trimmingWhitespace.isEmpty else { throw Rejection.invalid("contract_number", "required", article: "146.1") }
        guard sumInsured > .zero else { throw Rejection.invalid("sum_insured", "must be positive", article: "146.2-1") }
        return self
    }
}

extension PracticeAssessment {
    /// The insurance condition at `date` (146.1, 146.2-1) for a bailiff of `district`: not recorded
    /// when the registry holds no contract of his at all.
    public static func insuranceOutcome(_ contracts: [InsuranceContract], district: String, on date: LocalDate, mci: MCITable) -> Outcome {
        guard !contracts.isEmpty else { return .notRecorded }
        let valid = contracts.filter { $0.covers(date) }
        guard !valid.isEmpty else { return .notMet("no insurance contract covers \(date)") }
        for contract in valid {
            guard let minimum = InsuranceContract.minimumSum(district: district, concludedOn: contract.concludedOn, mci: mci) else {
                return .notMet(
                    "the MCI in force on \(contract.concludedOn) is unknown, so the minimum of contract \(contract.contractNumber) cannot be checked"
                )
            }
            if contract.sumInsured >= minimum { return .met }
        }
        let republican = EnforcementDistrict.named(district)?.isRepublicanCity ?? false
        return .notMet("the sum insured is below the minimum of \(republican ? "1,000" : "500") MCI for \(district)")
    }

    /// The membership condition at `date` (140.1): not recorded when the registry holds no membership of his.
    public static func membershipOutcome(_ memberships: [Membership], on date: LocalDate) -> Outcome {
        guard !memberships.isEmpty else { return .notRecorded }
        if memberships.contains(where: { $0.isActive(on: date) }) { return .met }
        if let last = memberships.last(where: { $0.endedOn != nil && $0.endedOn! <= date }) {
            return .notMet(
                "not a member of the Chamber since \(last.endedOn!) (\(last.status.rawValue)\(last.expulsionGround.map { ", Art. \($0.article)" } ?? ""))"
            )
        }
        return .notMet("not yet a member of the Chamber on \(date)")
    }
}
