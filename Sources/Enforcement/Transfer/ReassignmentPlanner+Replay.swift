extension ReassignmentPlanner {
    /// What one receiver was given earlier in a round: `count` proceedings of `category`.
    public struct Assigned: Hashable, Sendable {
        public let license: String
        public let category: ProceedingCategory
        public let count: Int

        public init(license: String, category: ProceedingCategory, count: Int) {
            self.license = license
            self.category = category
            self.count = count
        }
    }

    /// The loads a round's planner held before a decision: the round's starting loads
    /// plus the weight of everything it assigned before. The planner's only state is
    /// these loads, so this is exact and needs no per-move record beyond the receiver.
    public func loads(from start: [ReceiverCandidate], after assigned: [Assigned]) -> [ReceiverCandidate] {
        var loads = Dictionary(uniqueKeysWithValues: start.map { ($0.license, $0.load) })
        for item in assigned where loads[item.license] != nil {
            loads[item.license]! += policy.weight(of: item.category) * item.count
        }
        return start.map { ReceiverCandidate(license: $0.license, load: loads[$0.license]!) }
    }

    /// Rebuilds the decision for `proceeding` from its round (ExplainAssignment).
    public func replay<P: Reassignable>(
        _ proceeding: P, roundStart: [ReceiverCandidate], assignedBefore: [Assigned],
        competence: (P) -> Competence.Exclusion?
    ) -> Reassignment {
        plan([proceeding], candidates: loads(from: roundStart, after: assignedBefore), competence: competence)[0]
    }
}
