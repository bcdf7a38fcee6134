import Enforcement

/// A dated fact about a person, recorded as it happened so that a rule can be
/// evaluated "as of" any date (DOMAIN.md §5: never from current values only).
public struct PersonFact: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// RK citizenship held from `from` until `to` (open when nil). 140.1
        case citizenship
        /// Declared incapable / of limited capacity, in force from `from` until restored at `to`. 140.2.1
        case incapacity
        /// Conviction in force from `from` until expunged or removed at `to`. 140.2.2
        case conviction
        /// Release from criminal liability at `from` on `ground`. 140.2.3
        case releaseFromCriminalLiability
        /// Dismissal on negative grounds at `from`. 140.2.4
        case negativeDismissal
        /// Release from the office of judge at `from` on `ground`. 140.2.5
        case judicialRelease
        /// Administrative penalty for a corruption offence imposed at `from`. 140.2.6
        case adminCorruptionPenalty
        /// On record at a mental-health organization from `from` until `to`. 140.2.7
        case mentalHealthRegistration
        /// Court decision depriving a private bailiff license in force at `from`. 140.2.8
        case licenseDeprivation
        /// Death, or a court decision in force declaring him dead, at `from`. 144.1.3, 144.1.4
        case death
        /// A court decision in force applying compulsory medical measures, at `from`. 144.1.6
        case compulsoryMedicalMeasures
        /// Moved his residence to the district `value` on `from`. 141-1.2
        case residence
        /// Obtained the education level `value` (an `Education`) on `from`. 140.1
        case education
        /// Served as a state bailiff from `from` until `to` (open while serving): counts towards
        /// a host's years as a bailiff [DOMAIN §9.5-3]. 156.3
        case stateBailiffService

        /// Whether the fact is a period (has a meaningful end) rather than an event.
        public var isPeriod: Bool {
            switch self {
            case .citizenship, .incapacity, .conviction, .mentalHealthRegistration, .stateBailiffService: return true
            default: return false
            }
        }

        /// Kinds whose meaning is carried by `value` rather than by the dates alone.
        public var takesValue: Bool { self == .residence || self == .education }
    }

    public var kind: Kind
    public var from: LocalDate
    public var to: LocalDate?
    /// The legal ground where the rule depends on it, e.g. "CPC 35.1(3)" or "34.1(11)".
    public var ground: String?
    /// Reference of the underlying document.
    public var reference: String?
    /// The district code of a residence, the `Education` of an education fact.
    public var value: String?

    public init(kind: Kind, from: LocalDate, to: LocalDate? = nil, ground: String? = nil, reference: String? = nil, value: String? = nil) {
        self.kind = kind
        self.from = from
        self.to = to
        self.ground = ground
        self.reference = reference
        self.value = value
    }

    /// What is wrong with the fact as given, whatever else is on record: an end on an event,
    /// an end before the start, a release without its ground, a value that means nothing.
    public func problems() -> [String] {
        var found: [String] = []
        if let to {
            if !kind.isPeriod { found.append("\(kind.rawValue) is an event and takes no end date") }
            if to <= from { found.append("ends (\(to)) before or on its start (\(from))") }
        }
        if kind == .releaseFromCriminalLiability || kind == .judicialRelease, (ground ?? "").isEmpty {
            found.append("\(kind.rawValue) needs the legal ground it was made on")
        }
        switch kind {
        case .residence where EnforcementDistrict.named(value ?? "") == nil:
            found.append("residence needs the district code it moved to, not '\(value ?? "")'")
        case .education where Education(rawValue: value ?? "") == nil:
            found.append("education needs one of \(Education.allCases.map(\.rawValue).joined(separator: ", ")), not '\(value ?? "")'")
        case _ where !kind.takesValue && value != nil:
            found.append("\(kind.rawValue) takes no value")
        default: break
        }
        return found
    }

    /// True when a period fact covers `date`: from ≤ date and (no end or date < end).
    public func covers(_ date: LocalDate) -> Bool {
        from <= date && (to.map { date < $0 } ?? true)
    }
}
