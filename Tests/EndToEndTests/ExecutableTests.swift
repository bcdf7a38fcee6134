import Dispatch
import Foundation
import GRDB
import RegistryClient
import RegistryWire
import SwiftProtobuf
import Testing

/// Drives the real registry-admin and registryd binaries built next to the tests.
@Suite("End to end: the CLI and the daemon binaries", .serialized)
struct ExecutableTests {
    static var binaries: URL {
        // The test bundle sits in the build products folder beside the executables.
        let candidates = [
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("registry-admin").path) }
            ?? candidates[0]
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the binary on a dispatch thread: waiting for a child must not block the
    /// cooperative pool (2 threads here), which the in-process server also needs.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(executable, arguments, environment: environment) })
            }
        }
    }

    /// Stops a running binary with SIGTERM and returns its exit status and what it logged.
    static func terminate(_ process: Process, log: Pipe) async -> (status: Int32, output: String) {
        process.terminate()
        let status = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
        return (status, String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String]?) throws -> Run {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent(executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func licenseShowJSONParsesAndMatchesTheRegister() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(40))
            let issued = try await LicensingStub(connection: ministry).issueLicense(Sample.issue(40)).license
            await ministry.close()

            let files = try registry.credentialFiles(role: "auditor")
            let result = try await Self.run(
                "registry-admin",
                [
                    "license", "show", issued.number, "--json", "--server", "127.0.0.1:\(registry.port)",
                    "--cert", files.cert, "--key", files.key, "--ca", files.ca,
                ])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let license = try #require(object?["license"] as? [String: Any])
            #expect(license["number"] as? String == issued.number)
            #expect(license["holder_iin"] as? String == issued.holderIin)
            #expect(license["status"] as? String == "LICENSE_STATUS_ACTIVE")
            #expect(license["issued_on"] as? String == "2026-03-03")
            let parsed = try WireGetLicenseResponse(jsonString: result.stdout)
            #expect(parsed.license == issued)
        }
    }

    @Test func aCLIErrorIsOneLineWithStatusMessageAndArticle() async throws {
        try await withRegistry { registry in
            let files = try registry.credentialFiles(role: "regionalChamber")
            let result = try await Self.run(
                "registry-admin",
                [
                    "license", "issue", "--iin", Sample.iin(41), "--district", "almaty-city",
                    "--exemption", "judge", "--evidence", "x", "--fee-paid",
                    "--server", "127.0.0.1:\(registry.port)", "--cert", files.cert, "--key", files.key, "--ca", files.ca,
                ])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(lines.first?.contains("PERMISSION_DENIED") == true)
            #expect(lines.first?.contains("Art. 142.1") == true)
        }
    }

    @Test func aMalformedCalendarFileIsRefusedBeforeItIsSentWithEveryProblemNamed() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try
            #"{"years":[2028,2028],"days":[{"date":"2028-01-03","kind":"nonWorking"},{"date":"2028-01-03","kind":"nonWorking"},{"date":"2028-01-05","kind":"working"}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try await Self.run("registry-admin", ["calendar", "import", file.path, "--server", "127.0.0.1:1"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("days[1] 2028-01-03: overlaps days[0]"), "\(result.stderr)")
        #expect(result.stderr.contains("days[2] 2028-01-05: a working-day transfer must fall on a Saturday or Sunday"))
    }

    @Test func editingOneAuditRowMakesAuditVerifyFailAtThatEntry() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            for n in 50..<53 { _ = try await RegistryStub(connection: ministry).registerPerson(Sample.person(n)) }
            await ministry.close()
            let intact = try await Self.run("registry-admin", ["audit", "verify", registry.folder.path])
            #expect(intact.status == 0)
            #expect(intact.stdout.contains("intact: 3 entries"))

            let queue = try DatabaseQueue(path: registry.folder.appendingPathComponent("registry.sqlite").path)
            try await queue.write { db in
                try db.execute(sql: "DROP TRIGGER audit_log_no_update")
                try db.execute(sql: "UPDATE audit_log SET principal = 'spiffe://registry.bailiff.kz/role/auditor' WHERE seq = 2")
            }
            try queue.close()
            let broken = try await Self.run("registry-admin", ["audit", "verify", registry.folder.path])
            #expect(broken.status == 1)
            #expect(broken.stdout.contains("BROKEN at entry 2"))
        }
    }

    @Test func productionModeRefusesToStartNamingWhatIsMissing() async throws {
        let result = try await Self.run("registryd", ["--port", "0"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("missing data folder"))
        #expect(result.stderr.contains("--dev"))

        let unreadable = try await Self.run(
            "registryd",
            ["--data", "/tmp", "--cert", "/nonexistent/server.pem", "--key", "/nonexistent/k.pem", "--ca", "/nonexistent/ca.pem"],
            environment: ["PATH": "/usr/bin:/bin"])
        #expect(unreadable.status == 78)
        #expect(unreadable.stderr.contains("cannot read certificate '/nonexistent/server.pem'"))
    }
}
