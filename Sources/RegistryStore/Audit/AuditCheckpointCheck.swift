import Crypto
import Enforcement

/// Holds an audit chain to the checkpoints signed over it, and tells apart the ways it can
/// have been tampered with since (issue 12.6). Pure: `registry-admin audit verify --checkpoint`
/// and tests call it on entries read from a data folder.
public enum AuditCheckpointCheck {
    public enum Finding: Hashable, Sendable, CustomStringConvertible {
        /// The chain itself does not hold together (an entry edited, removed or reordered).
        case brokenChain(AuditChain.Break)
        /// A checkpoint's signature does not verify with the trusted key: it was not signed by registryd.
        case badSignature(checkpoint: Int)
        /// Entries were cut off the end: a checkpoint covers more than the log holds.
        case truncated(logSize: Int64, signedSize: Int64, signedAt: Instant)
        /// The chain was rebuilt from some entry on with recomputed hashes: its entry at a
        /// signed size is not the one signed. `agreesUpTo` is the largest signed size that still matches.
        case rewritten(agreesUpTo: Int64, signedSize: Int64, signedAt: Instant)
        /// Entries were appended while registryd was stopped: after a shutdown checkpoint and
        /// before the next startup one (or the end of the log).
        case appendedWhileStopped(from: Int64, to: Int64, after: Instant)

        public var description: String {
            switch self {
            case .brokenChain(let broken):
                "chain broken at \(broken)"
            case .badSignature(let index):
                "checkpoint \(index) is not signed by the trusted audit key: forged or signed by another key"
            case .truncated(let logSize, let signedSize, let at):
                "TRUNCATED: the log ends at entry \(logSize) but a checkpoint signed at \(at) covers \(signedSize) entries; entries \(logSize + 1)…\(signedSize) were deleted"
            case .rewritten(let agrees, let signedSize, let at):
                "REWRITTEN: entry \(signedSize) is not the one signed at \(at); the log agrees with its checkpoints up to entry \(agrees), and entries after it were replaced with recomputed hashes"
            case .appendedWhileStopped(let from, let to, let after):
                "FORGED APPEND: entries \(from)…\(to) were added after registryd's shutdown checkpoint at \(after), while it was not running"
            }
        }
    }

    public struct Report: Sendable {
        public let entries: Int64
        public let checkpoints: Int
        /// Entries covered by the latest checkpoint.
        public let covered: Int64
        public let finding: Finding?
    }

    /// `entries` in seq order, `checkpoints` in the order they were signed.
    public static func check(entries: [ChainedAuditEntry], checkpoints: [AuditCheckpoint], trustedKey: Curve25519.Signing.PublicKey)
        -> Report
    {
        let logSize = Int64(entries.count)
        func report(_ finding: Finding?, covered: Int64 = 0) -> Report {
            Report(entries: logSize, checkpoints: checkpoints.count, covered: covered, finding: finding)
        }
        if let broken = AuditChain.verify(entries).firstBreak { return report(.brokenChain(broken)) }
        if let forged = checkpoints.firstIndex(where: { !$0.verifies(with: trustedKey) }) {
            return report(.badSignature(checkpoint: forged + 1))
        }
        func head(at size: Int64) -> String { size == 0 ? AuditChain.genesis : entries[Int(size) - 1].hash }
        var agreesUpTo: Int64 = 0
        for checkpoint in checkpoints {
            guard checkpoint.size <= logSize else {
                return report(.truncated(logSize: logSize, signedSize: checkpoint.size, signedAt: checkpoint.at), covered: agreesUpTo)
            }
            guard head(at: checkpoint.size) == checkpoint.head else {
                return report(.rewritten(agreesUpTo: agreesUpTo, signedSize: checkpoint.size, signedAt: checkpoint.at), covered: agreesUpTo)
            }
            agreesUpTo = max(agreesUpTo, checkpoint.size)
        }
        // A shutdown checkpoint is final until the next startup one.
        for (index, checkpoint) in checkpoints.enumerated() where checkpoint.kind == .shutdown {
            let resumedAt = index + 1 < checkpoints.count ? checkpoints[index + 1].size : logSize
            if resumedAt > checkpoint.size {
                return report(.appendedWhileStopped(from: checkpoint.size + 1, to: resumedAt, after: checkpoint.at), covered: agreesUpTo)
            }
        }
        return report(nil, covered: checkpoints.last?.size ?? 0)
    }
}
