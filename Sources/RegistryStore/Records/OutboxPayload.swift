/// The JSON text of an outbox payload, keys sorted. Written by hand rather than with
/// `JSONSerialization` because a mass transfer writes four events per proceeding and
/// Foundation's serializer dominated its cost; every string goes through `escape`, so
/// no value can break the payload.
enum OutboxPayload {
    static func json(_ fields: [String: OutboxValue]) -> String {
        json(sorted: fields.keys.sorted().map { ($0, fields[$0]!) })
    }

    /// As `json(_:)` for fields already in key order (the hot path of a transfer builds them so).
    static func json(sorted fields: [(key: String, value: OutboxValue)]) -> String {
        assert(zip(fields, fields.dropFirst()).allSatisfy { $0.key < $1.key }, "outbox keys must be sorted")
        var text = "{"
        text.reserveCapacity(256)
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            append(field.key, to: &text)
            text += ":"
            switch field.value {
            case .text(let value): append(value, to: &text)
            case .number(let value): text += String(value)
            }
        }
        return text + "}"
    }

    /// A JSON string literal (RFC 8259 §7): quote, backslash and control characters escaped, and
    /// U+2028/U+2029 (which some JavaScript parsers reject). Runs of bytes that need nothing are
    /// copied whole: a transfer batch writes 20,000 payloads, and appending scalar by scalar was
    /// a quarter of its time.
    static func append(_ value: String, to text: inout String) {
        text += "\""
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            var index = 0
            func flush(upTo end: Int) {
                if end > start { text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var escape: String?
                var width = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: break
                }
                if let escape {
                    flush(upTo: index)
                    text += escape
                    start = index + width
                }
                index += width
            }
            flush(upTo: bytes.count)
        }
        text += "\""
    }
}
