/// A bailiff who may receive proceedings, as the planner sees him: already checked
/// to be of the district and able to practise at the moment of the decision.
public struct ReceiverCandidate: Hashable, Sendable, Codable {
    public let license: String
    /// Weighted open proceedings he holds before this batch.
    public let load: Int

    public init(license: String, load: Int) {
        self.license = license
        self.load = load
    }
}
