import Enforcement
import Foundation

/// The hash chain of the audit log. Each entry stores
/// `hash = SHA-256(previousHash + "\n" + canonical(entry))`, where the first
/// entry's previous hash is 64 zeros. Changing, removing or reordering any
/// stored entry breaks every hash from there on.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)

    /// Fields joined with the ASCII unit separator, which none of them may contain.
    static func canonical(seq: Int64, _ e: AuditEntry) -> String {
        [String(seq), String(e.at.millisecondsSinceEpoch), e.principal, e.method, e.requestID, e.requestDigest, e.outcome, e.subject]
            .map { $0.replacingUnitSeparators }
            .joined(separator: "\u{1F}")
    }

    public static func hash(seq: Int64, entry: AuditEntry, previousHash: String) -> String {
        Hex.sha256(previousHash + "\n" + canonical(seq: seq, entry))
    }

    public struct Break: Hashable, Sendable, CustomStringConvertible {
        public let seq: Int64
        public let reason: String
        public var description: String { "entry \(seq): \(reason)" }
    }

    /// Recomputes the chain over `entries` (in seq order) and names the first broken entry.
    public static func verify(_ entries: some Sequence<ChainedAuditEntry>) -> (count: Int, firstBreak: Break?) {
        var previous = genesis
        var expectedSeq: Int64? = nil
        var count = 0
        for stored in entries {
            count += 1
            if let expected = expectedSeq, stored.seq != expected {
                return (count, Break(seq: stored.seq, reason: "sequence jumps from \(expected - 1) to \(stored.seq): entries are missing"))
            }
            if stored.previousHash != previous {
                return (count, Break(seq: stored.seq, reason: "previous-hash link does not match the entry before it"))
            }
            let recomputed = hash(seq: stored.seq, entry: stored.entry, previousHash: previous)
            if recomputed != stored.hash {
                return (count, Break(seq: stored.seq, reason: "content does not match its hash (the entry was altered)"))
            }
            previous = stored.hash
            expectedSeq = stored.seq + 1
        }
        return (count, nil)
    }
}

extension String {
    var replacingUnitSeparators: String { replacingOccurrences(of: "\u{1F}", with: " ") }
}
