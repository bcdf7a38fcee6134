/// The pure core of a transfer job's batch: given the proceedings to move, the
/// eligible receivers with their loads, the policy and the job's seed, it decides
/// every receiver. The same inputs give the same result on any machine, so a job
/// replays exactly (no `Hasher`, whose seed changes per process).
public struct ReassignmentPlanner: Sendable {
    public let policy: TransferPolicy
    public let seed: UInt64

    public init(policy: TransferPolicy, seed: UInt64) {
        self.policy = policy
        self.seed = seed
    }

    /// Plans `proceedings` in the order given (the job's order). `competence` says why a
    /// proceeding may go to no private bailiff at all (138.1), if it may not.
    public func plan(_ proceedings: [EnforcementProceeding], candidates: [ReceiverCandidate],
                     competence: (EnforcementProceeding) -> Competence.Exclusion?) -> [Reassignment] {
        var loads = Dictionary(uniqueKeysWithValues: candidates.map { ($0.license, $0.load) })
        let licenses = candidates.map(\.license).sorted()
        return proceedings.map { proceeding in
            let snapshot = licenses.map { ReceiverCandidate(license: $0, load: loads[$0]!) }
            let outcome: Reassignment.Outcome
            if let exclusion = competence(proceeding) {
                outcome = .noEligibleReceiver(reason: "outside private-bailiff competence: \(exclusion.description) (Art. \(exclusion.article))")
            } else if let chosen = choose(from: snapshot, for: proceeding.number) {
                loads[chosen, default: 0] += policy.weight(of: proceeding.category)
                outcome = .assigned(license: chosen)
            } else {
                outcome = .noEligibleReceiver(reason: "no bailiff of district \(proceeding.district) may practise now")
            }
            return Reassignment(proceeding: proceeding.number, outcome: outcome, policyVersion: policy.version, seed: seed,
                                candidateCount: snapshot.count, loads: snapshot)
        }
    }

    /// The least loaded; among equals the smallest tie-break hash.
    func choose(from candidates: [ReceiverCandidate], for proceeding: String) -> String? {
        candidates.min { a, b in
            a.load != b.load ? a.load < b.load : tieBreak(proceeding, a.license) < tieBreak(proceeding, b.license)
        }?.license
    }

    /// FNV-1a 64 over "seed:proceeding:license".
    func tieBreak(_ proceeding: String, _ license: String) -> UInt64 {
        Self.fnv1a("\(seed):\(proceeding):\(license)")
    }

    /// A job's seed from what triggered it, so the same decision always gives the same seed.
    public static func seed(for trigger: String) -> UInt64 { fnv1a(trigger) }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
