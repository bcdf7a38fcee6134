import Foundation
import Testing

/// Every mode of registry-bench at a tiny size, so a benchmark cannot silently break
/// (the figures themselves come from release runs, see the README).
@Suite("Benchmarks keep running", .serialized)
struct BenchmarkSmokeTests {
    static func arguments(_ registry: TestRegistry) throws -> [String] {
        let files = try registry.credentialFiles(role: "ministry")
        return [
            "--server", "127.0.0.1:\(registry.port)", "--cert", files.cert, "--key", files.key, "--ca", files.ca, "--data",
            registry.folder.path,
        ]
    }

    @Test func theGetLicenseModeRunsAndReportsItsFigures() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-20")) { registry in
            let result = try await ExecutableTests.run(
                "registry-bench",
                try Self.arguments(registry) + [
                    "--connections", "1", "--concurrency", "2", "--duration", "0.3", "--warmup", "0.1",
                ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("requests/s"))
            #expect(result.stdout.contains(#""errors":0"#))
        }
    }

    @Test func theTransferModeRunsToACompletedJobAndMeasuresItsBaseline() async throws {
        try await withRegistry(clock: SteppingClock("2026-03-20"), runWorker: true) { registry in
            let result = try await ExecutableTests.run(
                "registry-bench",
                try Self.arguments(registry) + [
                    "--connections", "2", "--transfer", "300", "--receivers", "3", "--today", "2026-03-20",
                ])
            #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
            let json = try #require(result.stdout.split(separator: "\n").last)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["state"] as? String == "completed")
            #expect(object["reassigned"] as? Int == 300)
            #expect((object["baseline_update_s"] as? Double ?? 0) > 0)
        }
    }

    @Test func theAbuseModeHoldsItsConnectionsAndStillServesTheGoodClient() async throws {
        try await withRegistry { registry in
            let result = try await ExecutableTests.run(
                "registry-bench", try Self.arguments(registry) + ["--abusers", "6", "--duration", "0.3"])
            #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
            let json = try #require(result.stdout.split(separator: "\n").last)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["held_at_start"] as? Int == 6)
            #expect((object["during_p50_ms"] as? Double ?? 0) > 0)
        }
    }
}
