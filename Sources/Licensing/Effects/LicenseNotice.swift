/// Who is told of a license decision, and under which article (143.7, 162.1.2-3,
/// 163-1.1.6-5). The service writes one outbox row per notice in the decision's transaction.
public struct LicenseNotice: Hashable, Sendable, Codable {
    /// "bailiff:2026-000001", "republicanChamber", "regionalChamber:almaty-city".
    public let recipient: String
    public let article: Article

    public init(recipient: String, article: Article) {
        self.recipient = recipient
        self.article = article
    }
}

extension License {
    /// The notices the last history entry calls for.
    public var noticesOfLastDecision: [LicenseNotice] {
        guard let change = history.last, change.kind != .issued else { return [] }
        // 143.7 names suspension and reinstatement; the Chamber's list of 163-1.1.6-5 needs
        // terminations and deprivations too, and the bailiff is told of every decision on his license.
        var notices = [
            LicenseNotice(recipient: "bailiff:\(number)", article: "143.7"),
            LicenseNotice(
                recipient: "republicanChamber", article: change.kind.removesRightToAct && change.status.isFinal ? "163-1.1.6-5" : "143.7"),
        ]
        if change.kind.removesRightToAct {
            // The regional chamber takes over his proceedings (162.1.2-3).
            notices.append(LicenseNotice(recipient: "regionalChamber:\(district)", article: "162.1.2-3"))
        }
        return notices
    }
}
