import Foundation
import RegistryWire
import SwiftProtobuf

/// What every text field of every request must be (issue 12), checked as the payload is
/// decoded, before the method runs: at most `maxBytes` of UTF-8 (a limit in characters let a
/// surname of a million combining marks through), and no character that hides or reorders
/// text: NUL (which cut names short) and the other control characters except tab and line
/// breaks, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069, "Trojan Source"). Such a payload is malformed, like one that does not
/// decode: refused once the caller is authorized, before the method runs.
enum TextFieldPolicy {
    static let maxBytes = 16 * 1024
    /// Request ids and idempotency keys, which are stored with every call's audit entry.
    static let maxKeyBytes = 128

    /// Why `text` may not be stored, nil when it may.
    static func problem(in text: String, maxBytes: Int = maxBytes) -> String? {
        if text.utf8.count > maxBytes { return "longer than \(maxBytes) bytes of UTF-8 (\(text.utf8.count))" }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00: return "contains NUL (U+0000)"
            case 0x01...0x1F, 0x7F...0x9F: return "contains the control character U+\(hex(scalar))"
            case 0x202A...0x202E, 0x2066...0x2069: return "contains the bidirectional control U+\(hex(scalar))"
            default: continue
            }
        }
        return nil
    }

    /// A request id is quoted in logs, audit entries and to the operator: printable ASCII only.
    static func requestIDProblem(in text: String) -> String? {
        if let problem = problem(in: text, maxBytes: maxKeyBytes) { return problem }
        guard let other = text.unicodeScalars.first(where: { !(0x20...0x7E).contains($0.value) }) else { return nil }
        return "contains U+\(hex(other)); a request id is printable ASCII"
    }

    /// Throws INVALID_ARGUMENT naming the first field (by its `.proto` path) whose text is refused.
    static func check<M: Message>(_ message: M) throws(RPCError) {
        var scan = Scan()
        try? message.traverse(visitor: &scan)
        guard let problem = scan.problem else { return }
        let field = (try? fieldPath(of: problem.text, in: message)) ?? "a text field"
        throw RPCError(
            code: .invalidArgument, message: "\(field): \(problem.description)", reason: "INVALID_TEXT",
            fieldViolations: [.init(field: field, description: problem.description)])
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Field names are only in the generated code's name maps, which are internal to
    /// SwiftProtobuf; a refused request is rare, so its JSON form names the field.
    private static func fieldPath<M: Message>(of text: String, in message: M) throws -> String? {
        var options = JSONEncodingOptions()
        options.preserveProtoFieldNames = true
        let object = try JSONSerialization.jsonObject(with: message.jsonUTF8Data(options: options))
        func find(_ value: Any, _ path: String) -> String? {
            switch value {
            case let string as String: return string == text ? path : nil
            case let array as [Any]:
                for (index, element) in array.enumerated() { if let found = find(element, "\(path)[\(index)]") { return found } }
            case let object as [String: Any]:
                for key in object.keys.sorted() {
                    if let found = find(object[key]!, path.isEmpty ? key : "\(path).\(key)") { return found }
                }
            default: break
            }
            return nil
        }
        return find(object, "")
    }

    /// Visits every string of a message and its submessages; stops at the first refused one.
    private struct Scan: Visitor {
        var problem: (text: String, description: String)?

        mutating func check(_ text: String) {
            guard problem == nil, let description = TextFieldPolicy.problem(in: text) else { return }
            problem = (text, description)
        }

        mutating func visitSingularStringField(value: String, fieldNumber: Int) throws { check(value) }
        mutating func visitRepeatedStringField(value: [String], fieldNumber: Int) throws { value.forEach { check($0) } }
        mutating func visitSingularMessageField<M: Message>(value: M, fieldNumber: Int) throws { try value.traverse(visitor: &self) }
        mutating func visitRepeatedMessageField<M: Message>(value: [M], fieldNumber: Int) throws {
            for element in value { try element.traverse(visitor: &self) }
        }
        // Numbers, booleans, enums and bytes hold no text; the protocol has no maps (a map of
        // strings would need checking here).
        mutating func visitUnknown(bytes: Data) throws {}
        mutating func visitSingularDoubleField(value: Double, fieldNumber: Int) throws {}
        mutating func visitSingularInt64Field(value: Int64, fieldNumber: Int) throws {}
        mutating func visitSingularUInt64Field(value: UInt64, fieldNumber: Int) throws {}
        mutating func visitSingularBoolField(value: Bool, fieldNumber: Int) throws {}
        mutating func visitSingularBytesField(value: Data, fieldNumber: Int) throws {}
        mutating func visitSingularEnumField<E: Enum>(value: E, fieldNumber: Int) throws {}
        mutating func visitMapField<KeyType, ValueType: MapValueType>(
            fieldType: _ProtobufMap<KeyType, ValueType>.Type, value: _ProtobufMap<KeyType, ValueType>.BaseType, fieldNumber: Int
        ) throws {}
        mutating func visitMapField<KeyType, ValueType>(
            fieldType: _ProtobufEnumMap<KeyType, ValueType>.Type, value: _ProtobufEnumMap<KeyType, ValueType>.BaseType, fieldNumber: Int
        ) throws {}
        mutating func visitMapField<KeyType, ValueType>(
            fieldType: _ProtobufMessageMap<KeyType, ValueType>.Type, value: _ProtobufMessageMap<KeyType, ValueType>.BaseType,
            fieldNumber: Int
        ) throws {}
    }
}
