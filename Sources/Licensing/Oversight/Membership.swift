import Enforcement

/// Membership of the Republican Chamber (DOMAIN.md §3.19, §4.5): a license holder is a
/// private bailiff only as a member (140.1). Admission and expulsion are the Chamber's
/// (163-1.1.3-2, 172-1); leaving is the bailiff's own will (172-1(5)).
public struct Membership: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case active, expelled, left
    }

    public var id: Int64
    public let licenseNumber: LicenseNumber
    /// Placement: the enforcement district decided on admission (163-1.1.3-2).
    public var district: String
    public let admittedOn: LocalDate
    public let admissionDecision: String
    public var status: Status
    public var endedOn: LocalDate?
    public var expulsionGround: ExpulsionGround?
    /// The Board's decision, or the bailiff's application for leaving.
    public var endDecision: String?

    public init(
        id: Int64, licenseNumber: LicenseNumber, district: String, admittedOn: LocalDate, admissionDecision: String,
        status: Status, endedOn: LocalDate?, expulsionGround: ExpulsionGround?, endDecision: String?
    ) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.district = district
        self.admittedOn = admittedOn
        self.admissionDecision = admissionDecision
        self.status = status
        self.endedOn = endedOn
        self.expulsionGround = expulsionGround
        self.endDecision = endDecision
    }

    /// A member on `date`: admitted by then and not yet expelled or gone (the end day is no longer a member's).
    public func isActive(on date: LocalDate) -> Bool {
        admittedOn <= date && (endedOn.map { date < $0 } ?? true)
    }

    /// Admission of a license holder (140.1, 163-1.1.3-2): his license must be active and he
    /// may not already be a member.
    public static func admit(
        _ license: License, district: String, on date: LocalDate, decision: String, existing: [Membership], today: LocalDate
    ) throws(Rejection) -> Membership {
        guard license.status == .active else {
            throw Rejection(
                .failedPrecondition, reason: "LICENSE_NOT_ACTIVE",
                message: "license \(license.number) is \(license.status.rawValue); the Chamber admits license holders", article: "140.1")
        }
        guard EnforcementDistrict.named(district)?.code == district else {
            throw Rejection.invalid("district", "unknown district code '\(district)'", article: "163-1.1.3-2")
        }
        guard date <= today else { throw Rejection.invalid("admitted_on", "\(date) is in the future (today is \(today))") }
        guard date >= license.issuedOn else {
            throw Rejection.invalid("admitted_on", "before the license was issued on \(license.issuedOn)", article: "140.1")
        }
        let decision = decision.trimmingWhitespace
        guard !decision.isEmpty else {
            throw Rejection.invalid("decision", "give the admission decision's reference", article: "163-1.1.3-2")
        }
        if let current = existing.first(where: { $0.status == .active }) {
            throw Rejection(
                .alreadyExists, reason: "ALREADY_A_MEMBER", message: "license \(license.number) is a member since \(current.admittedOn)",
                article: "140.1")
        }
        return Membership(
            id: 0, licenseNumber: license.number, district: district, admittedOn: date, admissionDecision: decision,
            status: .active, endedOn: nil, expulsionGround: nil, endDecision: nil)
    }

    /// Expulsion by the Board on a ground of 172-1. Ground (1) needs the license ended.
    public func expelled(ground: ExpulsionGround, on date: LocalDate, decision: String, license: License, today: LocalDate)
        throws(Rejection) -> Membership
    {
        try requireActive(date: date, today: today)
        if ground == .licenseEnded && !license.status.isFinal {
            throw Rejection(
                .failedPrecondition, reason: "LICENSE_NOT_ENDED",
                message: "license \(license.number) is \(license.status.rawValue), not terminated or deprived", article: "172-1(1)")
        }
        let decision = decision.trimmingWhitespace
        guard !decision.isEmpty else { throw Rejection.invalid("decision", "give the Board's decision reference", article: "172-1") }
        var next = self
        next.status = .expelled
        next.endedOn = date
        next.expulsionGround = ground
        next.endDecision = decision
        return next
    }

    /// Leaving at his own will (172-1(5)).
    public func left(on date: LocalDate, application: String, today: LocalDate) throws(Rejection) -> Membership {
        try requireActive(date: date, today: today)
        let application = application.trimmingWhitespace
        guard !application.isEmpty else {
            throw Rejection.invalid("application", "give the bailiff's application reference", article: "172-1(5)")
        }
        var next = self
        next.status = .left
        next.endedOn = date
        next.endDecision = application
        return next
    }

    private func requireActive(date: LocalDate, today: LocalDate) throws(Rejection) {
        guard status == .active else {
            throw Rejection(
                .failedPrecondition, reason: "NOT_A_MEMBER", message: "membership of license \(licenseNumber) is \(status.rawValue)",
                article: "172-1")
        }
        guard date <= today, date >= admittedOn else {
            throw Rejection.invalid("on", "must lie between the admission on \(admittedOn) and today (\(today))")
        }
    }
}

/// The grounds of expulsion from the Republican Chamber, 172-1(1)–(6), plus the disciplinary
/// penalty of 170.1.4, which the Board carries out with a representation to deprive the license.
public enum ExpulsionGround: String, Hashable, Sendable, Codable, CaseIterable {
    /// (1) license terminated or deprived.
    case licenseEnded
    /// (2) gross or repeated breach of legislation, the Ethics Code or the charter.
    case grossBreach
    /// (3) systematic non-payment of dues (except exempt periods).
    case duesArrears
    /// (4) other paid activity except scientific, teaching or creative.
    case otherPaidActivity
    /// (6) other cases in the charter.
    case charter
    /// 170.1.4: expulsion as a disciplinary penalty; the Ministry is asked to deprive the license (144.2.7).
    case disciplinaryPenalty

    public var article: Article {
        switch self {
        case .licenseEnded: return "172-1(1)"
        case .grossBreach: return "172-1(2)"
        case .duesArrears: return "172-1(3)"
        case .otherPaidActivity: return "172-1(4)"
        case .charter: return "172-1(6)"
        case .disciplinaryPenalty: return "170.1.4"
        }
    }
}
