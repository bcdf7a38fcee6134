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
    public func plan<P: Reassignable>(
        _ proceedings: [P], candidates: [ReceiverCandidate],
        competence: (P) -> Competence.Exclusion?
    ) -> [Reassignment] {
        // Loads by position in license order: a mass transfer plans 100,000 proceedings over
        // dozens of candidates, so no dictionary or string is built per comparison.
        let sorted = candidates.sorted { $0.license < $1.license }
        let licenses = sorted.map(\.license)
        var loads = sorted.map(\.load)
        return proceedings.map { proceeding in
            let snapshot = zip(licenses, loads).map { ReceiverCandidate(license: $0, load: $1) }
            let outcome: Reassignment.Outcome
            if let exclusion = competence(proceeding) {
                outcome = .noEligibleReceiver(
                    reason: "outside private-bailiff competence: \(exclusion.description) (Art. \(exclusion.article))")
            } else if let chosen = choose(licenses: licenses, loads: loads, for: proceeding.number) {
                loads[chosen] += policy.weight(of: proceeding.category)
                outcome = .assigned(license: licenses[chosen])
            } else {
                outcome = .noEligibleReceiver(reason: "no bailiff of district \(proceeding.district) may practise now")
            }
            return Reassignment(
                proceeding: proceeding.number, outcome: outcome, policyVersion: policy.version, seed: seed,
                candidateCount: snapshot.count, loads: snapshot)
        }
    }

    /// Index of the least loaded; among equals the smallest FNV-1a-64 of "seed:proceeding:license", each hashed once.
    func choose(licenses: [String], loads: [Int], for proceeding: String) -> Int? {
        guard let least = loads.min() else { return nil }
        let prefix = Self.fnv1a("\(seed):\(proceeding):")
        var best: (index: Int, hash: UInt64)?
        for index in loads.indices where loads[index] == least {
            let hash = Self.fnv1a(licenses[index], from: prefix)
            if best == nil || hash < best!.hash { best = (index, hash) }
        }
        return best?.index
    }

    /// A job's seed from what triggered it, so the same decision always gives the same seed.
    public static func seed(for trigger: String) -> UInt64 { fnv1a(trigger) }

    /// FNV-1a 64 of `text`, continuing from `hash` (so a shared prefix is hashed once).
    static func fnv1a(_ text: String, from hash: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = hash
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
