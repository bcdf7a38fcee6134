import Enforcement

/// A person's fact history and what it says is true (140.2, 167(11-1)): pure, so every
/// rule that reads facts reads the same thing, and a correction is visible as one.
public struct PersonFactHistory: Hashable, Sendable {
    public let entries: [PersonFactEntry]

    public init(entries: [PersonFactEntry]) {
        self.entries = entries.sorted { $0.id < $1.id }
    }

    /// Entry ids superseded by a later correction or withdrawal.
    var superseded: Set<Int64> { Set(entries.compactMap(\.supersedes)) }

    /// The live entry a (possibly corrected) entry stands for now; nil when withdrawn.
    func current(_ id: Int64) -> PersonFactEntry? {
        var id = id
        var seen: Set<Int64> = []
        while let next = entries.first(where: { $0.supersedes == id }), seen.insert(id).inserted {
            if case .withdraws = next.change { return nil }
            id = next.id
        }
        return entries.first { $0.id == id }
    }

    /// The entry's role once corrections are followed: the original entry a correction replaced
    /// decides whether it records a fact or ends one.
    func endTarget(of entry: PersonFactEntry) -> Int64? {
        var e = entry
        var seen: Set<Int64> = []
        while seen.insert(e.id).inserted {
            switch e.change {
            case .ends(let target): return target
            case .records, .withdraws: return nil
            case .corrects(let previous, _):
                guard let prior = entries.first(where: { $0.id == previous }) else { return nil }
                e = prior
            }
        }
        return nil
    }

    /// The facts in force on the record: live entries only, each period closed by its live end.
    public var facts: [RecordedFact] {
        let gone = superseded
        let live = entries.filter { !gone.contains($0.id) }
        var ends: [Int64: LocalDate] = [:]
        var base: [RecordedFact] = []
        for entry in live {
            if case .withdraws = entry.change { continue }
            if let target = endTarget(of: entry) {
                guard let current = current(target) else { continue }
                ends[current.id] = min(ends[current.id] ?? entry.fact.from, entry.fact.from)
            } else {
                base.append(RecordedFact(entry: entry.id, fact: entry.fact))
            }
        }
        return base.map { recorded in
            guard let end = ends[recorded.entry] else { return recorded }
            var fact = recorded.fact
            fact.to = min(fact.to ?? end, end)
            return RecordedFact(entry: recorded.entry, fact: fact)
        }
    }

    /// Checks a new entry against the history before it is stored (nothing is written on a refusal).
    public func check(_ fact: PersonFact, change: PersonFactEntry.Change, source: String, today: LocalDate) throws(Rejection) {
        guard !source.trimmingWhitespace.isEmpty else {
            throw Rejection.invalid("source", "name the body and the document the fact comes from", article: "167(11-1)")
        }
        guard fact.from <= today else { throw Rejection.invalid("fact.from", "\(fact.from) is in the future (today is \(today))") }
        let problems = fact.problems()
        guard problems.isEmpty else {
            throw Rejection(
                .invalidArgument, reason: "INVALID_PERSON_FACT", message: problems.joined(separator: "; "),
                fieldViolations: problems.map { .init(field: "fact", description: $0) })
        }
        switch change {
        case .records:
            if fact.kind == .death, let died = facts.first(where: { $0.fact.kind == .death }) {
                throw Rejection(
                    .alreadyExists, reason: "DEATH_ALREADY_RECORDED",
                    message: "a death on \(died.fact.from) is already on record (entry \(died.entry)); correct that entry instead",
                    article: "144.1.4")
            }
        case .ends(let target):
            let open = try live(target)
            guard open.fact.kind.isPeriod, endTarget(of: open) == nil else {
                throw Rejection(
                    .failedPrecondition, reason: "NOT_A_PERIOD_FACT",
                    message:
                        "entry \(target) records \(open.fact.kind.rawValue), an event; only a period (citizenship, incapacity, conviction, registration) ends"
                )
            }
            guard fact.kind == open.fact.kind else {
                throw Rejection.invalid("fact.kind", "the end of entry \(target) must be of its kind, \(open.fact.kind.rawValue)")
            }
            guard fact.to == nil else { throw Rejection.invalid("fact.to", "an end is one day; give it as fact.from") }
            if let current = facts.first(where: { $0.entry == open.id }), let to = current.fact.to {
                throw Rejection(
                    .failedPrecondition, reason: "FACT_ALREADY_ENDED",
                    message: "entry \(target) already ended on \(to); correct that end instead")
            }
            guard open.fact.from < fact.from else {
                throw Rejection.invalid(
                    "fact.from", "the end (\(fact.from)) must come after the start of entry \(target) (\(open.fact.from))")
            }
        case .corrects(let target, let reason), .withdraws(let target, let reason):
            guard !reason.trimmingWhitespace.isEmpty else {
                throw Rejection.invalid("reason", "say why the entry is corrected or withdrawn")
            }
            let old = try live(target)
            if case .corrects = change, let ended = endTarget(of: old), let original = entries.first(where: { $0.id == ended }),
                fact.kind != original.fact.kind
            {
                throw Rejection.invalid("fact.kind", "entry \(target) ends a \(original.fact.kind.rawValue); its correction must too")
            }
        }
    }

    /// The entry `id`, refused when it does not exist or was superseded.
    public func live(_ id: Int64) throws(Rejection) -> PersonFactEntry {
        guard let entry = entries.first(where: { $0.id == id }) else {
            throw Rejection(.notFound, reason: "PERSON_FACT_NOT_FOUND", message: "the person has no fact entry \(id)")
        }
        if let later = entries.first(where: { $0.supersedes == id }) {
            throw Rejection(
                .failedPrecondition, reason: "PERSON_FACT_SUPERSEDED",
                message: "entry \(id) was superseded by entry \(later.id); correct that one")
        }
        if case .withdraws = entry.change {
            throw Rejection(
                .failedPrecondition, reason: "PERSON_FACT_WITHDRAWN", message: "entry \(id) is a withdrawal; record the fact anew")
        }
        return entry
    }
}
