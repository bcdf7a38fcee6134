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

    /// A JSON string literal (RFC 8259 §7): quote, backslash and control characters escaped.
    static func append(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
