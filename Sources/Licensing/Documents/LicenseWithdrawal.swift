import Enforcement

/// 144.4: on termination or deprivation the regional chamber withdraws the license document
/// to hand it to the Ministry; recorded once, with the act.
public struct LicenseWithdrawal: Hashable, Sendable, Codable {
    public let license: LicenseNumber
    public let withdrawnOn: LocalDate
    public let act: String
    public let district: String

    public init(license: LicenseNumber, withdrawnOn: LocalDate, act: String, district: String) {
        self.license = license
        self.withdrawnOn = withdrawnOn
        self.act = act
        self.district = district
    }

    public static func withdraw(_ license: License, on date: LocalDate, act: String, district: String, existing: LicenseWithdrawal?)
        throws(Rejection) -> LicenseWithdrawal
    {
        if let existing {
            throw Rejection(
                .alreadyExists, reason: "ALREADY_WITHDRAWN",
                message: "license \(license.number) was withdrawn on \(existing.withdrawnOn) (\(existing.act))", article: "144.4")
        }
        try license.requireEnded(on: date, for: "withdraws a terminated or deprived license")
        let act = act.trimmingWhitespace
        guard !act.isEmpty else { throw Rejection.invalid("act", "the act of withdrawal", article: "144.4") }
        return LicenseWithdrawal(license: license.number, withdrawnOn: date, act: act, district: district)
    }

    /// What 144.4 still requires of the regional chamber for an ended license: the license document,
    /// and each card or seal that is still valid.
    public static func outstanding(for license: License, withdrawal: LicenseWithdrawal?, documents: [ServiceDocument]) -> [String] {
        guard license.status.isFinal else { return [] }
        var found: [String] = []
        if withdrawal == nil { found.append("the license document is not withdrawn") }
        for document in documents where document.isLive { found.append("\(document.kind.rawValue) \(document.number) is not destroyed") }
        return found
    }
}

extension License {
    /// 144.4 acts on a license terminated or deprived by `date`.
    func requireEnded(on date: LocalDate, for what: String) throws(Rejection) {
        let status = self.status(at: Instant(endOf: date))
        guard let status, status.isFinal else {
            throw Rejection(
                .failedPrecondition, reason: "LICENSE_NOT_ENDED",
                message: "license \(number) is \(status?.rawValue ?? "not issued") on \(date); 144.4 \(what)", article: "144.4")
        }
    }
}
