import Enforcement

/// The territorial body's accounting registration of a private bailiff (168.1.4), after which he
/// registers with the state revenue bodies within three working days (148.1.1). Without it on
/// record he may not practise (DOMAIN.md §5.4, §9.5-6).
public struct AccountingRegistration: Hashable, Sendable, Codable {
    public let id: Int64
    public let licenseNumber: LicenseNumber
    public let registeredOn: LocalDate
    /// The territorial body's region that registered him.
    public let region: String
    /// The registration's number or order.
    public let reference: String
    public let recordedBy: String

    public init(id: Int64, licenseNumber: LicenseNumber, registeredOn: LocalDate, region: String, reference: String, recordedBy: String) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.registeredOn = registeredOn
        self.region = region
        self.reference = reference
        self.recordedBy = recordedBy
    }
}

/// Paid work a bailiff does besides his practice (149). Scientific, teaching and creative work is
/// allowed and recorded as such; any other kind bars practice while it lasts and supports
/// deprivation (144.2.6) and expulsion from the Chamber (172-1(4)).
public struct OtherPaidActivity: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case scientific, teaching, creative, other

        /// 149: the three kinds the Law allows.
        public var isAllowed: Bool { self != .other }
    }

    public let id: Int64
    public let licenseNumber: LicenseNumber
    public let kind: Kind
    public let from: LocalDate
    public let to: LocalDate?
    public let description: String
    /// The body and document that established it (an inspection act, an employer's letter).
    public let source: String

    public init(id: Int64, licenseNumber: LicenseNumber, kind: Kind, from: LocalDate, to: LocalDate?, description: String, source: String) {
        self.id = id
        self.licenseNumber = licenseNumber
        self.kind = kind
        self.from = from
        self.to = to
        self.description = description
        self.source = source
    }

    public func covers(_ date: LocalDate) -> Bool { from <= date && (to.map { date < $0 } ?? true) }

    /// Checks what a record must get right before it is stored.
    public func validated(today: LocalDate) throws(Rejection) -> OtherPaidActivity {
        guard from <= today else { throw Rejection.invalid("from", "\(from) is in the future (today is \(today))") }
        if let to, to <= from { throw Rejection.invalid("to", "ends (\(to)) before or on its start (\(from))") }
        guard !description.trimmingWhitespace.isEmpty else {
            throw Rejection.invalid("description", "say what the activity is", article: "149")
        }
        guard !source.trimmingWhitespace.isEmpty else {
            throw Rejection.invalid("source", "name the act that established it", article: "149")
        }
        return self
    }
}

extension PracticeAssessment {
    /// 168.1.4, 148.1.1: registered by the territorial body on or before `date`.
    public static func registrationOutcome(_ registrations: [AccountingRegistration], on date: LocalDate) -> Outcome {
        guard let first = registrations.map(\.registeredOn).min() else { return .notRecorded }
        return first <= date ? .met : .notMet("registered by the territorial body only from \(first)")
    }

    /// 149: no recorded paid activity other than scientific, teaching or creative covers `date`.
    /// This is a bar, not a record the Law requires, so none on record means none.
    public static func otherActivityOutcome(_ activities: [OtherPaidActivity], on date: LocalDate) -> Outcome {
        guard let barred = activities.first(where: { !$0.kind.isAllowed && $0.covers(date) }) else { return .met }
        return .notMet("engaged in other paid activity (\(barred.description)) since \(barred.from)")
    }
}
