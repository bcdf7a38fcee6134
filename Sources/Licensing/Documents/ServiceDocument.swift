import Enforcement

/// A private bailiff's service ID card or personal seal (154; DOMAIN.md §3.30): it shows his
/// name, the regional chamber, the enforcement district and the license number; the regional
/// chamber has it made and issues it, and destroys it when the license ends (144.4).
public struct ServiceDocument: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case idCard, seal
    }

    public enum DestructionReason: String, Hashable, Sendable, Codable, CaseIterable {
        /// The license was terminated or the bailiff deprived of it (144.4).
        case licenseEnded
        /// Replaced by a new one (worn out, data changed).
        case replaced
        /// Declared lost; the entry records the act that voided it.
        case lost
    }

    public var id: Int64
    public let license: LicenseNumber
    public let kind: Kind
    public let number: String
    /// What the document shows (154): the holder's full name, the regional chamber and district.
    public let holderName: String
    public let chamber: String
    public let district: String
    public let issuedOn: LocalDate
    public let issuedBy: String
    public var destroyedOn: LocalDate?
    public var destructionReason: DestructionReason?
    public var destructionAct: String?

    public init(
        id: Int64, license: LicenseNumber, kind: Kind, number: String, holderName: String, chamber: String, district: String,
        issuedOn: LocalDate, issuedBy: String, destroyedOn: LocalDate?, destructionReason: DestructionReason?, destructionAct: String?
    ) {
        self.id = id
        self.license = license
        self.kind = kind
        self.number = number
        self.holderName = holderName
        self.chamber = chamber
        self.district = district
        self.issuedOn = issuedOn
        self.issuedBy = issuedBy
        self.destroyedOn = destroyedOn
        self.destructionReason = destructionReason
        self.destructionAct = destructionAct
    }

    public var isLive: Bool { destroyedOn == nil }

    /// 154: the regional chamber of the bailiff's placement issues a document to the holder of an
    /// active license, printed with his data; one live card and one live seal at a time.
    public static func issue(
        _ kind: Kind, number: String, to license: License, district: String, on date: LocalDate,
        by issuer: String, existing: [ServiceDocument]
    ) throws(Rejection) -> ServiceDocument {
        let number = number.trimmingWhitespace
        guard !number.isEmpty else { throw Rejection.invalid("number", "the \(kind.rawValue)'s number", article: "154") }
        guard license.status(at: Instant(endOf: date)) == .active else {
            throw Rejection(
                .failedPrecondition, reason: "LICENSE_NOT_ACTIVE",
                message: "license \(license.number) is not active on \(date); an ID card and seal are issued to a bailiff who may act",
                article: "154")
        }
        guard let placed = EnforcementDistrict.named(district) else {
            throw Rejection(
                .failedPrecondition, reason: "NOT_PLACED",
                message: "license \(license.number) has no placement on \(date); the document names the district", article: "154")
        }
        if let live = existing.first(where: { $0.kind == kind && $0.isLive }) {
            throw Rejection(
                .alreadyExists, reason: "DOCUMENT_LIVE",
                message: "\(kind.rawValue) \(live.number) issued on \(live.issuedOn) is still valid; record its destruction first",
                article: "154")
        }
        return ServiceDocument(
            id: 0, license: license.number, kind: kind, number: number, holderName: license.holderName.description,
            chamber: "Regional chamber of private bailiffs of \(placed.nameEnglish)", district: placed.code,
            issuedOn: date, issuedBy: issuer, destroyedOn: nil, destructionReason: nil, destructionAct: nil)
    }

    /// The regional chamber destroys the document with an act. On `licenseEnded` the license
    /// must be terminated or deprived (144.4); a replacement or a loss can be recorded any time.
    public func destroyed(on date: LocalDate, reason: DestructionReason, act: String, license: License) throws(Rejection) -> ServiceDocument
    {
        guard isLive else {
            throw Rejection(
                .failedPrecondition, reason: "DOCUMENT_DESTROYED", message: "\(kind.rawValue) \(number) was destroyed on \(destroyedOn!)",
                article: "144.4")
        }
        guard date >= issuedOn else { throw Rejection.invalid("on", "before it was issued on \(issuedOn)") }
        let act = act.trimmingWhitespace
        guard !act.isEmpty else { throw Rejection.invalid("act", "the act of destruction", article: "144.4") }
        if reason == .licenseEnded {
            try license.requireEnded(on: date, for: "destroys the seal and ID card of a terminated or deprived license")
        }
        var next = self
        next.destroyedOn = date
        next.destructionReason = reason
        next.destructionAct = act
        return next
    }
}
