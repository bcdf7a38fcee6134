import ArgumentParser
import Foundation
import RegistryStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Offline checks of the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the audit hash chain of a data folder and name the first broken entry.",
            discussion: "Reads <DATAFOLDER>/registry.sqlite read-only; safe while registryd runs. Exit status 1 when the chain is broken."
        )

        @Argument(help: "Data folder (holds registry.sqlite).") var dataFolder: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let path = URL(fileURLWithPath: dataFolder).appendingPathComponent("registry.sqlite").path
            guard FileManager.default.fileExists(atPath: path) else {
                printError("no database at \(path)")
                throw ExitCode(1)
            }
            let report: AuditVerifier.Report
            do {
                report = try AuditVerifier.verify(databasePath: path)
            } catch {
                printError("cannot read the audit log: \(error)")
                throw ExitCode(1)
            }
            if json {
                let broken = report.firstBreak.map { #","broken_seq":\#($0.seq),"reason":"\#($0.reason)""# } ?? ""
                print(#"{"entries":\#(report.entries),"intact":\#(report.firstBreak == nil)\#(broken)}"#)
            } else if let broken = report.firstBreak {
                print("audit chain BROKEN at \(broken) (\(report.entries) entries read)")
            } else {
                print("audit chain intact: \(report.entries) entries")
            }
            if report.firstBreak != nil { throw ExitCode(1) }
        }
    }
}
