import Enforcement
import Foundation
import GRDB
import Testing

/// The README's tour, through the real binaries: `registryd --dev` creates its data
/// folder and PKI, `registry-admin` finds the certificates by itself, SIGTERM stops it cleanly.
@Suite("End to end: registryd --dev and registry-admin", .serialized)
struct DevModeTests {
    @Test func theDevServerServesTheCLIAndStopsCleanlyOnSIGTERM() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-dev-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = Int.random(in: 20_000..<40_000)
        let server = Process()
        server.executableURL = ExecutableTests.binaries.appendingPathComponent("registryd")
        server.arguments = [
            "--dev", "--data", folder.path, "--port", String(port), "--log-level", "info", "--dev-clock", TestRegistry.defaultMoment,
        ]
        let log = Pipe()
        server.standardError = log
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        let admin = { (arguments: [String]) async throws -> ExecutableTests.Run in
            try await ExecutableTests.run("registry-admin", arguments + ["--server", "127.0.0.1:\(port)", "--data", folder.path])
        }
        var health = try await admin(["health"])
        for _ in 0..<50 where health.status != 0 {
            try await Task.sleep(nanoseconds: 100_000_000)
            health = try await admin(["health"])
        }
        #expect(health.status == 0, "\(health.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("registry.sqlite").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pki/clients/ministry-key.pem").path))

        let iin = Sample.iin(60)
        let register = try await admin([
            "person", "register", "--iin", iin, "--surname", "Серикова", "--given-name", "Айгерим",
            "--district", "shymkent", "--education", "higher-legal", "--fact", "citizenship:1985-01-15",
        ])
        #expect(register.status == 0, "\(register.stderr)")
        let issue = try await admin([
            "license", "issue", "--iin", iin, "--district", "shymkent", "--date", "2026-03-03",
            "--attestation", "AC-2026-17", "--internship", "INT-2025-4", "--fee-paid",
            "--historical-source", "Ministry license file 2026",
        ])
        #expect(issue.status == 0, "\(issue.stderr)")
        let list = try await admin(["license", "list", "--district", "shymkent"])
        #expect(list.stdout.contains("Серикова Айгерим"))
        #expect(list.stdout.contains("active"))
        let denied = try await admin([
            "license", "issue", "--role", "bailiff", "--iin", iin, "--district", "shymkent",
            "--exemption", "judge", "--evidence", "x", "--fee-paid",
        ])
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("PERMISSION_DENIED"))

        // A second bailiff of Shymkent, and a proceeding held by the first, for the transfer below.
        let second = Sample.iin(61)
        _ = try await admin([
            "person", "register", "--iin", second, "--surname", "Жақсылықов", "--given-name", "Нұрлан",
            "--district", "shymkent", "--education", "higher-legal", "--fact", "citizenship:1985-01-15",
        ])
        let exemption = try await admin([
            "candidate", "exemption", second, "--ground", "stateEnforcementService", "--evidence", "order 9",
            "--service", "2019-01-10:2023-05-31:stateBailiff",
        ])
        #expect(exemption.stdout.contains("Art. 142.5.4"), "\(exemption.stdout)\(exemption.stderr)")
        let fromRecord = try await admin([
            "license", "issue", "--iin", second, "--district", "shymkent", "--date", "2026-03-03", "--fee-paid",
        ])
        #expect(fromRecord.status == 0, "\(fromRecord.stderr)")
        // Both may practise only with their records on file (140.1, 146.1, 168.1.4).
        let records = folder.appendingPathComponent("records.csv")
        try """
        record,license_number,date,district,decision,insurer,contract_number,valid_to,sum_insured,reference
        membership,2026-000001,2026-03-03,shymkent,Board 1,,,,,
        membership,2026-000002,2026-03-03,shymkent,Board 2,,,,,
        insurance,2026-000001,2026-03-03,,,Nomad,PL-1,2030-03-02,5000000,
        insurance,2026-000002,2026-03-03,,,Nomad,PL-2,2030-03-02,5000000,
        registration,2026-000001,2026-03-03,,,,,,,TB-1
        registration,2026-000002,2026-03-03,,,,,,,TB-2
        registration,2026-000009,2026-03-03,,,,,,,TB-9

        """.write(to: records, atomically: true, encoding: .utf8)
        let brought = try await admin(["chamber", "import-records", records.path, "--historical-source", "Chamber list of 2026-03-03"])
        #expect(brought.stdout.contains("imported 6 of 7 records"), "\(brought.stdout)\(brought.stderr)")
        #expect(brought.stdout.contains("line 8: LICENSE_NOT_FOUND"), "\(brought.stdout)")
        let cases = folder.appendingPathComponent("cases.csv")
        try """
        number,document_kind,document_reference,category,creditor_name,debtor_name,debtor_district,amount,opened_on,holder_license
        SH-1,courtWrit,2-77/2026,sociallySignificant,Creditor,Debtor,shymkent,90000,2026-03-05,2026-000001

        """.write(to: cases, atomically: true, encoding: .utf8)
        let imported = try await admin(["cases", "import", cases.path, "--role", "system"])
        #expect(imported.stdout.contains("imported 1 of 1 rows"), "\(imported.stdout)\(imported.stderr)")

        let until = LocalDate(TestRegistry.defaultMoment)!.adding(months: 2).description
        let submit = try await admin([
            "proposal", "submit", "2026-000001", "--ground", "s143_2_5", "--facts", "no training since 2023",
            "--role", "regionalChamber-shymkent",
        ])
        #expect(submit.stdout.contains("proposal 1 submitted"), "\(submit.stderr)")
        let suspend = try await admin([
            "license", "suspend", "2026-000001", "--ground", "s143_2_5", "--until", until,
            "--reasons", "no qualification training", "--proposal-id", "1",
        ])
        #expect(suspend.status == 0, "\(suspend.stderr)")
        let status = try await admin(["license", "status-at", "2026-000001", "2026-03-04"])
        #expect(status.stdout.contains("active"), "\(status.stdout)")
        // The transfer worker inside registryd reassigns the proceeding to the other Shymkent bailiff.
        var explain = try await admin(["cases", "explain", "SH-1"])
        for _ in 0..<50 where !explain.stdout.contains("receiver: Жақсылықов") {
            try await Task.sleep(nanoseconds: 100_000_000)
            explain = try await admin(["cases", "explain", "SH-1"])
        }
        #expect(explain.stdout.contains("held by bailiff:2026-000002"), "\(explain.stdout)\(explain.stderr)")
        #expect(explain.stdout.contains("transfer after 2026-000001#1 suspended, policy least-loaded/1"))
        let show = try await admin(["license", "show", "2026-000001"])
        #expect(show.stdout.contains("143.2.5"))
        let history = try await admin(["license", "history", "2026-000001"])
        #expect(history.stdout.contains("#1 suspended → suspended"), "\(history.stdout)")
        #expect(history.stdout.contains("ground: s143_2_5, training not taken in time"))
        #expect(history.stdout.contains("on the proposal of the regional chamber: proposal-1"))
        #expect(history.stdout.contains("hand-over by the bailiff"))
        let export = try await admin(["register", "export", "--format", "csv", "--role", "bailiff"])
        #expect(export.stdout.hasPrefix("holder_name,license_number,issued_on,status,status_since,district\r\n"), "\(export.stderr)")
        #expect(export.stdout.contains("Серикова Айгерим,2026-000001,2026-03-03,suspended,"))
        #expect(!export.stdout.contains(iin))
        // A name a spreadsheet would run as a formula is exported as text (CSV injection).
        let formula = Sample.iin(62)
        _ = try await admin([
            "person", "register", "--iin", formula, "--surname", "=HYPERLINK(\"http://x.example\")", "--given-name", "Бек",
            "--district", "astana", "--education", "higher-legal", "--fact", "citizenship:1985-01-15",
        ])
        let third = try await admin([
            "license", "issue", "--iin", formula, "--district", "astana", "--date", "2026-03-03",
            "--attestation", "AC-2026-18", "--internship", "INT-2025-5", "--fee-paid", "--historical-source", "Ministry license file 2026",
        ])
        #expect(third.status == 0, "\(third.stderr)")
        let exportAgain = try await admin(["register", "export", "--format", "csv", "--role", "bailiff"])
        #expect(exportAgain.stdout.contains("\r\n\"'=HYPERLINK(\"\"http://x.example\"\") Бек\",2026-000003,"), "\(exportAgain.stdout)")
        // 154: the regional chamber of his district issues his seal; the register shows it, nothing outstanding while suspended.
        let seal = try await admin([
            "chamber", "documents", "issue", "2026-000002", "--kind", "seal", "--number", "S-0002", "--role", "regionalChamber-shymkent",
        ])
        #expect(seal.stdout.contains("seal S-0002 issued"), "\(seal.stdout)\(seal.stderr)")
        let documents = try await admin(["chamber", "documents", "list", "2026-000002"])
        #expect(documents.stdout.contains("S-0002") && !documents.stdout.contains("outstanding"), "\(documents.stdout)\(documents.stderr)")

        // The audit chain's signed checkpoint, fetched by a body that keeps its own copy (issue 12.6).
        let fetched = try await admin(["audit", "checkpoint", "--role", "auditor"])
        #expect(fetched.stdout.hasPrefix("registryd audit checkpoint v1\nkind "), "\(fetched.stdout)\(fetched.stderr)")

        let (exited, output) = await ExecutableTests.terminate(server, log: log)  // SIGTERM
        #expect(exited == 0, "\(output)")
        #expect(output.contains("database closed"))
        // The data folder is the owner's only, whatever the umask it was created under (issue 12.7).
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o700)
        let verify = try await ExecutableTests.run("registry-admin", ["audit", "verify", folder.path])
        // Thirteen calls of the tour plus the monitors' scheduled run at startup, audited as the system.
        #expect(verify.stdout.contains("intact: 14 entries"), "\(verify.stdout)")
        // Signed at startup, when the chain grew and after the drain: the log is held to them all.
        let checkpoints = folder.appendingPathComponent("audit-checkpoints.log").path
        let held = try await ExecutableTests.run("registry-admin", ["audit", "verify", folder.path, "--checkpoint", checkpoints])
        #expect(held.status == 0, "\(held.stdout)\(held.stderr)")
        #expect(held.stdout.contains("audit log intact: 14 entries;") && held.stdout.contains("the latest covers 14"), "\(held.stdout)")
        // Someone with the file cuts the last entry off: the chain alone still verifies, the checkpoint does not.
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("registry.sqlite").path)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE seq = 14")
        }
        try queue.close()
        let chainOnly = try await ExecutableTests.run("registry-admin", ["audit", "verify", folder.path])
        #expect(chainOnly.stdout.contains("intact: 13 entries"))
        let cut = try await ExecutableTests.run("registry-admin", ["audit", "verify", folder.path, "--checkpoint", checkpoints])
        #expect(cut.status == 1)
        #expect(cut.stdout.contains("audit log TAMPERED: TRUNCATED: the log ends at entry 13"), "\(cut.stdout)\(cut.stderr)")
    }
}
