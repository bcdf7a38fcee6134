import Foundation
import SwiftProtobuf

/// Output helpers: canonical protobuf JSON for scripts, aligned tables for people.
enum Output {
    static func json(_ message: some SwiftProtobuf.Message) throws {
        var options = JSONEncodingOptions()
        options.preserveProtoFieldNames = true
        print(try message.jsonString(options: options))
    }

    /// Messages as a JSON array, one per line, with the .proto field names.
    static func jsonArray(_ messages: [some SwiftProtobuf.Message]) throws -> String {
        var options = JSONEncodingOptions()
        options.preserveProtoFieldNames = true
        return "[\n" + (try messages.map { "  " + (try $0.jsonString(options: options)) }.joined(separator: ",\n")) + "\n]\n"
    }

    static func table(_ header: [String], _ rows: [[String]]) {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        print(line(header))
        for row in rows { print(line(row)) }
    }

    static func fields(_ pairs: [(String, String)]) {
        let width = pairs.map(\.0.count).max() ?? 0
        for (name, value) in pairs where !value.isEmpty {
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
        }
    }
}
