import Enforcement

/// One entry of a person's fact history (140.2, 167(11-1)). Entries are never changed:
/// a later event is a new entry, an end closes a period, and a correction supersedes an
/// entry recorded wrongly, with its reason and author, so the history shows both.
public struct PersonFactEntry: Hashable, Sendable {
    /// What the entry does to the history.
    public enum Change: Hashable, Sendable {
        /// A fact as it happened (a conviction, a move, a death …).
        case records
        /// The end of the period fact `entry` on `fact.from`: an expungement, a restoration of
        /// capacity, a removal from the register, the loss of citizenship.
        case ends(entry: Int64)
        /// Replaces entry `entry`, recorded wrongly, by this one.
        case corrects(entry: Int64, reason: String)
        /// Entry `entry` was recorded in error and nothing takes its place.
        case withdraws(entry: Int64, reason: String)
    }

    public let id: Int64
    /// The fact; for an end, the ended fact's kind with `from` = the day it ended.
    public let fact: PersonFact
    public let change: Change
    /// The body and document the fact comes from, e.g. "Almaty city court, verdict 1-234/2027".
    public let source: String
    public let recordedAt: Instant
    public let recordedBy: String

    public init(id: Int64, fact: PersonFact, change: Change, source: String, recordedAt: Instant, recordedBy: String) {
        self.id = id
        self.fact = fact
        self.change = change
        self.source = source
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    /// The entry this one supersedes, if it is a correction or a withdrawal.
    public var supersedes: Int64? {
        switch change {
        case .corrects(let entry, _), .withdraws(let entry, _): entry
        case .records, .ends: nil
        }
    }
}

/// A fact in force on the record, with the entry it rests on (for monitor keys and citations).
public struct RecordedFact: Hashable, Sendable {
    public let entry: Int64
    public let fact: PersonFact
}
