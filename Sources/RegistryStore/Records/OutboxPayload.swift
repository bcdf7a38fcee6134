/// The JSON text of an outbox payload, keys sorted. Written by hand rather than with
/// `JSONSerialization` because a mass transfer writes four events per proceeding and
/// Foundation's serializer dominated its cost; every string goes through `escape`, so
/// no value can break the payload.
enum OutboxPayload {
    static func json(_ fields: [String: OutboxValue]) -> String {
        var text = "{"
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            append(key, to: &text)
            text += ":"
            switch fields[key]! {
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
