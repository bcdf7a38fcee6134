import Crypto
import Foundation

enum Hex {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let table = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes {
            out.append(table[Int(b >> 4)])
            out.append(table[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func sha256(_ text: String) -> String {
        encode(SHA256.hash(data: Data(text.utf8)))
    }
}

/// SHA-256 of arbitrary bytes as lower-case hex, for request digests.
public func sha256Hex(_ bytes: some DataProtocol) -> String {
    Hex.encode(SHA256.hash(data: bytes))
}
