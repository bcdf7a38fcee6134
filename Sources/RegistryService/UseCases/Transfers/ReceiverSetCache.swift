import Enforcement
import Synchronization

/// The receiver set a job's last batch used. Working it out reads every bailiff of the district
/// with his memberships, insurance and absences (about 20 ms for 50 bailiffs, once per batch of
/// a 100,000-proceeding job); it can only change through another write or another day, so a
/// batch whose transaction directly follows the job's previous one, on the same day, reuses it.
final class ReceiverSetCache: Sendable {
    private struct Entry {
        let job: Int64
        let day: LocalDate
        var writeNumber: Int
        let set: ReceiverSet
    }

    private let entry = Mutex<Entry?>(nil)

    func set(job: Int64, day: LocalDate, writeNumber: Int, compute: () throws -> ReceiverSet) rethrows -> ReceiverSet {
        let reused: ReceiverSet? = entry.withLock { entry in
            guard let cached = entry, cached.job == job, cached.day == day, cached.writeNumber + 1 == writeNumber else { return nil }
            entry?.writeNumber = writeNumber
            return cached.set
        }
        if let reused { return reused }
        let set = try compute()
        entry.withLock { $0 = Entry(job: job, day: day, writeNumber: writeNumber, set: set) }
        return set
    }
}
