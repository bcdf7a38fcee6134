/// One proceeding's outcome in a reassignment, with why (123.6.2 names the receiver;
/// the reasons make the choice explainable years later).
public struct Reassignment: Hashable, Sendable, Codable {
    public enum Outcome: Hashable, Sendable, Codable {
        /// Assigned to the bailiff with this license.
        case assigned(license: String)
        /// Nobody eligible: the proceeding stays with the regional chamber, and the job raises an alert.
        case noEligibleReceiver(reason: String)
    }

    public let proceeding: String
    public let outcome: Outcome
    public let policyVersion: String
    public let seed: UInt64
    public let candidateCount: Int
    /// Each candidate's load at the moment of the choice, in license order.
    public let loads: [ReceiverCandidate]

    public init(proceeding: String, outcome: Outcome, policyVersion: String, seed: UInt64, candidateCount: Int, loads: [ReceiverCandidate])
    {
        self.proceeding = proceeding
        self.outcome = outcome
        self.policyVersion = policyVersion
        self.seed = seed
        self.candidateCount = candidateCount
        self.loads = loads
    }

    public var receiver: String? {
        if case .assigned(let license) = outcome { return license }
        return nil
    }
}
