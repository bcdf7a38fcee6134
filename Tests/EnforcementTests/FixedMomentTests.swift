import Foundation
import Testing

/// No test may depend on today's date: the shipped calendar and MCI tables end, and a suite
/// that passes only in the year it was written is a time bomb. Every test runs at fixed moments
/// on an injected clock (`SteppingClock`, `ShiftedClock(startingAt:)`, `registryd --dev-clock`);
/// this check fails the suite, and so CI, when a test reads the system date instead.
@Suite("Tests run at fixed moments")
struct FixedMomentTests {
    static var testsFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Ways to read the system date; written split so that this file does not match itself.
    static let systemDateReads = ["Date" + "()", "Date" + ".now", "System" + "Clock(", "Date(timeIntervalSince" + "Now"]

    @Test func noTestReadsTodaysDateFromTheSystem() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.testsFolder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        var offenders: [String] = []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where Self.systemDateReads.contains(where: line.contains) {
                offenders.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(offenders.isEmpty, "tests must take an injected clock: \(offenders.joined(separator: "; "))")
    }
}
