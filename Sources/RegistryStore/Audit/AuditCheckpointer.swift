import Crypto
import Enforcement
import Foundation
import GRDB

/// Signs checkpoints of the audit chain and publishes each one three ways: appended to a
/// file the operator ships elsewhere, as an `audit.checkpoint` outbox event, and as the
/// latest one for the `Registry/GetAuditCheckpoint` RPC. registryd signs one as it starts,
/// periodically while the chain grows, and one after it drained on shutdown.
public final class AuditCheckpointer: @unchecked Sendable {
    public let file: URL
    public let publicKey: Curve25519.Signing.PublicKey
    private let key: Curve25519.Signing.PrivateKey
    private let store: RegistryStore
    // Guards `last`: checkpoints are signed by one task at a time, read by any call.
    private let lock = NSLock()
    private var last: AuditCheckpoint?

    /// Reads the checkpoints already in `file`, so that a restart continues them.
    public init(store: RegistryStore, key: Curve25519.Signing.PrivateKey, file: URL) throws {
        self.store = store
        self.key = key
        self.publicKey = key.publicKey
        self.file = file
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            last = try AuditCheckpoint.parseAll(text).last
        }
    }

    public var latest: AuditCheckpoint? { lock.withLock { last } }

    /// Signs the chain as it stands. A periodic checkpoint that would repeat the last one is skipped.
    @discardableResult
    public func checkpoint(_ kind: AuditCheckpoint.Kind, at now: Instant) async throws -> AuditCheckpoint? {
        let (size, head) = try await store.read { reader -> (Int64, String) in
            let row = try Row.fetchOne(reader.db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            return (row?["seq"] ?? 0, row?["hash"] ?? AuditChain.genesis)
        }
        if kind == .periodic, let last = latest, last.size == size, last.head == head { return nil }
        let checkpoint = try AuditCheckpoint(kind: kind, size: size, head: head, at: now, keyID: AuditCheckpoint.keyID(of: publicKey))
            .signed(with: key)
        try append(checkpoint)
        _ = try await store.write { tx in
            try tx.appendOutbox(
                eventType: "audit.checkpoint", subject: "audit",
                fields: [
                    "kind": .text(kind.rawValue), "size": .number(size), "head": .text(head), "at_ms": .number(now.millisecondsSinceEpoch),
                    "key": .text(checkpoint.keyID), "signature": .text(checkpoint.signature.base64EncodedString()),
                ], at: now)
        }
        lock.withLock { last = checkpoint }
        return checkpoint
    }

    /// Appends and syncs: a checkpoint the process reported is on disk.
    private func append(_ checkpoint: AuditCheckpoint) throws {
        if !FileManager.default.fileExists(atPath: file.path) {
            guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o644]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file.path])
            }
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((checkpoint.text + "\n").utf8))
        try handle.synchronize()
    }
}
