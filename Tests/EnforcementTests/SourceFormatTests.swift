import Foundation
import Testing

/// The code is kept in one shape by `swift format` (it ships with the toolchain), configured in
/// `.swift-format`; this fails the suite, and so CI, when a file is not in that shape.
/// `swift format format -i --configuration .swift-format <files>` puts it right.
@Suite("Source formatting")
struct SourceFormatTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Hand-written Swift files: generated code keeps its generator's shape.
    static func sources() throws -> [String] {
        try ["Sources", "Tests", "Admin", "Benchmarks"].flatMap { folder -> [String] in
            let enumerator = try #require(
                FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil))
            return enumerator.compactMap { $0 as? URL }
                .filter { $0.pathExtension == "swift" && !$0.path.contains("/Generated/") && !$0.path.contains("/.build/") }
                .map(\.path)
        }
    }

    @Test func everyHandWrittenSwiftFileIsInTheShapeSwiftFormatGivesIt() throws {
        let files = try Self.sources()
        #expect(files.count > 200)
        let lint = Process()
        lint.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        lint.arguments =
            ["swift", "format", "lint", "--strict", "--configuration", Self.root.appendingPathComponent(".swift-format").path] + files
        let output = Pipe()
        lint.standardError = output
        lint.standardOutput = output
        try lint.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        lint.waitUntilExit()
        #expect(lint.terminationStatus == 0, "swift format lint found:\n\(text.split(separator: "\n").prefix(20).joined(separator: "\n"))")
    }
}
