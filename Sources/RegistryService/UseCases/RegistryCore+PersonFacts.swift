import Enforcement
import Licensing
import RegistryStore

/// A fact entry and the person as the record stands after it.
public struct PersonFactRecorded: Codable, Sendable {
    public let entry: Int64
    public let person: Person
}

/// What the caller asks of the history: a new fact, the end of a period, or a correction.
public enum PersonFactCommand: Sendable {
    case record(PersonFact)
    case end(entry: Int64, on: LocalDate, reference: String?)
    case correct(entry: Int64, by: PersonFact, reason: String)
    case withdraw(entry: Int64, reason: String)
}

extension RegistryCore {
    /// Registry.RecordPersonFact and CorrectPersonFact (140.2, 167(11-1)): the Ministry and the
    /// territorial bodies keep a person's facts current; nothing is overwritten. A territorial
    /// body acts on persons who live in its region or hold a license placed there.
    public func changePersonFact(iin text: String, _ command: PersonFactCommand, source: String, context: RequestContext) async throws
        -> PersonFactRecorded
    {
        let iin = try IIN(text)
        return try await mutate(context: context, subject: { "person-fact:\($0.entry)" }) { tx, now in
            guard let person = try tx.person(iin) else {
                throw Rejection(.notFound, reason: "PERSON_NOT_FOUND", message: "no person with IIN \(iin) is registered")
            }
            let today = now.kazakhstanDate
            try Self.requireOwnRegion(context.principal, person: person, on: today, tx: tx)
            let history = try tx.factHistory(iin)
            let (fact, change): (PersonFact, PersonFactEntry.Change) =
                switch command {
                case .record(let fact): (fact, .records)
                // An end takes the kind of the period it ends; a withdrawal keeps the withdrawn fact for the history.
                case .end(let entry, let day, let reference):
                    (PersonFact(kind: try history.live(entry).fact.kind, from: day, reference: reference), .ends(entry: entry))
                case .correct(let entry, let fact, let reason): (fact, .corrects(entry: entry, reason: reason))
                case .withdraw(let entry, let reason): (try history.live(entry).fact, .withdraws(entry: entry, reason: reason))
                }
            try history.check(fact, change: change, source: source, today: today)
            let entry = try tx.appendFact(
                fact, change: change, of: iin, source: source.trimmingWhitespace, recordedAt: now, recordedBy: context.principal.uri)
            guard let after = try tx.person(iin) else {
                throw Rejection(.notFound, reason: "PERSON_NOT_FOUND", message: "the person vanished")
            }
            return PersonFactRecorded(entry: entry.id, person: after)
        }
    }

    /// The whole fact history of a person, corrections included.
    public func personFactHistory(iin text: String, context: RequestContext) async throws -> PersonFactHistory {
        let iin = try IIN(text)
        return try await store.read { try $0.factHistory(iin) }
    }

    /// A territorial body acts on a person who lives in its region on `date` or holds a license placed there.
    static func requireOwnRegion(_ principal: Principal, person: Person, on date: LocalDate, tx: some StoreQueries) throws {
        guard let region = principal.regionalScope else { return }
        if person.residence(on: date) == region { return }
        if try tx.licenses(heldBy: person.iin).contains(where: { $0.district == region }) { return }
        throw Rejection(
            .permissionDenied, reason: "OTHER_REGION",
            message: "the person neither lives in \(region) nor holds a license placed there", article: "168.1")
    }
}
