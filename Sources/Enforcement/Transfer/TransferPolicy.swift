/// How the receiving bailiff is chosen when a regional chamber reassigns proceedings
/// (DOMAIN.md §7.1, §7.12: the Law leaves the order to the Ministry, 162.1.2). A value,
/// stored with every job and every assignment, so a decision can be explained and replayed.
///
/// Default ("least-loaded/1"): among the eligible receivers (same enforcement district,
/// may practise at that moment, not under the same trigger, document within 138.1), the
/// one with the fewest open proceedings, each weighted by category; proceedings of one
/// job count as they are assigned, so a job spreads evenly; ties go to the smallest
/// FNV-1a hash of (seed, proceeding, license), so the seed fixes the result.
public struct TransferPolicy: Hashable, Sendable, Codable {
    public var version: String
    /// Weight of one open proceeding of each category in a receiver's load (default 1 each).
    public var categoryWeights: [ProceedingCategory: Int]

    public init(version: String = "least-loaded/1", categoryWeights: [ProceedingCategory: Int] = [:]) {
        self.version = version
        self.categoryWeights = categoryWeights
    }

    public static let standard = TransferPolicy()

    public func weight(of category: ProceedingCategory) -> Int {
        max(1, categoryWeights[category] ?? 1)
    }
}

extension TransferPolicy {
    public struct InvalidWeight: Error, CustomStringConvertible {
        public let description: String
    }

    /// A policy from "category=weight" settings; the version names the weights so every
    /// job and explanation says which policy chose.
    public static func parse(weights settings: [String]) throws(InvalidWeight) -> TransferPolicy {
        var weights: [ProceedingCategory: Int] = [:]
        for setting in settings {
            let parts = setting.split(separator: "=")
            guard parts.count == 2, let category = ProceedingCategory(rawValue: String(parts[0])), let weight = Int(parts[1]),
                (1...100).contains(weight)
            else {
                throw InvalidWeight(
                    description:
                        "--category-weight '\(setting)': expected CATEGORY=1…100 with CATEGORY one of \(ProceedingCategory.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            weights[category] = weight
        }
        guard !weights.isEmpty else { return .standard }
        let named = weights.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ",")
        return TransferPolicy(version: "least-loaded/1+\(named)", categoryWeights: weights)
    }
}
