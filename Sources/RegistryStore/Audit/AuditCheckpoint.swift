import Crypto
import Enforcement
import Foundation

/// A signed statement of the audit chain's size and head hash at a moment, in the manner of
/// a Certificate Transparency signed tree head (RFC 6962) or a transparency-log checkpoint:
/// once one is shipped away from the server, nobody with the data folder can cut entries off
/// the end, rewrite a suffix or append while registryd is stopped without it showing.
///
/// Its text, one field per line, the last line the Ed25519 signature over all lines before it:
/// ```
/// registryd audit checkpoint v1
/// kind periodic
/// size 1234
/// head 9f2c…
/// at 1764748800000
/// key 3a5f0c…
/// sig <base64>
/// ```
public struct AuditCheckpoint: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// Signed as registryd starts, before it writes anything.
        case startup
        case periodic
        /// Signed after the server drained: nothing may follow it until the next startup.
        case shutdown
    }

    public let kind: Kind
    /// Entries in the chain (the seq of the last one).
    public let size: Int64
    /// Hash of entry `size`; the genesis hash for an empty log.
    public let head: String
    public let at: Instant
    /// Names the signing key: the first 16 hex digits of SHA-256 of its raw public key.
    public let keyID: String
    public let signature: Data

    static let header = "registryd audit checkpoint v1"

    public init(kind: Kind, size: Int64, head: String, at: Instant, keyID: String, signature: Data = Data()) {
        self.kind = kind
        self.size = size
        self.head = head
        self.at = at
        self.keyID = keyID
        self.signature = signature
    }

    /// The bytes the signature covers.
    public var signedText: String {
        "\(Self.header)\nkind \(kind.rawValue)\nsize \(size)\nhead \(head)\nat \(at.millisecondsSinceEpoch)\nkey \(keyID)\n"
    }

    /// The checkpoint as it is published: its signed text and the signature line.
    public var text: String { signedText + "sig \(signature.base64EncodedString())\n" }

    public func signed(with key: Curve25519.Signing.PrivateKey) throws -> AuditCheckpoint {
        AuditCheckpoint(kind: kind, size: size, head: head, at: at, keyID: keyID, signature: try key.signature(for: Data(signedText.utf8)))
    }

    public func verifies(with key: Curve25519.Signing.PublicKey) -> Bool {
        keyID == Self.keyID(of: key) && key.isValidSignature(signature, for: Data(signedText.utf8))
    }

    public static func keyID(of key: Curve25519.Signing.PublicKey) -> String {
        String(Hex.encode(SHA256.hash(data: key.rawRepresentation)).prefix(16))
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every checkpoint in a file of them, in order (blocks separated by blank lines).
    public static func parseAll(_ text: String) throws -> [AuditCheckpoint] {
        var checkpoints: [AuditCheckpoint] = []
        var block: [Substring] = []
        let lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false) + [""]
        for line in lines {
            if line.isEmpty {
                if !block.isEmpty { checkpoints.append(try parse(block, number: checkpoints.count + 1)) }
                block = []
            } else {
                block.append(line)
            }
        }
        return checkpoints
    }

    static func parse(_ lines: [Substring], number: Int) throws -> AuditCheckpoint {
        func fail(_ problem: String) -> Malformed { Malformed(description: "checkpoint \(number): \(problem)") }
        guard lines.count == 7, lines[0] == header else { throw fail("expected the 7 lines of a '\(header)'") }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let space = line.firstIndex(of: " ") else { throw fail("line '\(line)' has no value") }
            fields[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        guard let kind = fields["kind"].flatMap(Kind.init(rawValue:)) else { throw fail("kind must be startup, periodic or shutdown") }
        guard let size = fields["size"].flatMap({ Int64($0) }), size >= 0 else { throw fail("size must be a whole number") }
        guard let head = fields["head"], head.count == 64, head.allSatisfy(\.isHexDigit) else { throw fail("head must be 64 hex digits") }
        guard let at = fields["at"].flatMap({ Int64($0) }) else { throw fail("at must be milliseconds since the epoch") }
        guard let key = fields["key"], !key.isEmpty else { throw fail("key is missing") }
        guard let signature = fields["sig"].flatMap({ Data(base64Encoded: $0) }) else { throw fail("sig must be base64") }
        return AuditCheckpoint(
            kind: kind, size: size, head: head, at: Instant(millisecondsSinceEpoch: at), keyID: key, signature: signature)
    }
}
