import ArgumentParser
import Foundation
import RegistryClient
import RegistryPKI
import RegistryStore
import RegistryWire

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Checks of the audit log: offline against a data folder, and its signed checkpoints.",
        subcommands: [Verify.self, Checkpoint.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the audit hash chain of a data folder and hold it to signed checkpoints.",
            discussion: """
                Reads <DATAFOLDER>/registry.sqlite read-only; safe while registryd runs. Without --checkpoint it names the first \
                altered, removed or reordered entry. With --checkpoint (a file of checkpoints: registryd's audit-checkpoints.log \
                or copies fetched with `audit checkpoint`, kept away from the server) it also tells a truncated tail, a rewritten \
                suffix and entries appended while registryd was stopped apart. Exit status 1 when anything is wrong.
                """
        )

        @Argument(help: "Data folder (holds registry.sqlite).") var dataFolder: String
        @Option(help: "Signed checkpoints to hold the log to.") var checkpoint: String?
        @Option(help: "Public key that signs the checkpoints (PEM). Default: <DATAFOLDER>/pki/audit-signing-key.pub.pem of a --dev server.")
        var publicKey: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let path = URL(fileURLWithPath: dataFolder).appendingPathComponent("registry.sqlite").path
            guard FileManager.default.fileExists(atPath: path) else {
                printError("no database at \(path)")
                throw ExitCode(1)
            }
            let entries: [ChainedAuditEntry]
            do {
                entries = try AuditVerifier.entries(databasePath: path)
            } catch {
                printError("cannot read the audit log: \(error)")
                throw ExitCode(1)
            }
            guard let checkpoint else { return try reportChain(entries) }
            let report: AuditCheckpointCheck.Report
            do {
                let keyFile =
                    publicKey
                    ?? AuditSigningKey.publicKeyFile(
                        for: DevelopmentPKILayout(dataFolder: URL(fileURLWithPath: dataFolder)).root.appendingPathComponent(
                            AuditSigningKey.fileName)
                    ).path
                guard let keyText = try? String(contentsOfFile: keyFile, encoding: .utf8) else {
                    throw AdminFailure("cannot read the audit public key '\(keyFile)'; give --public-key")
                }
                guard let text = try? String(contentsOfFile: checkpoint, encoding: .utf8) else {
                    throw AdminFailure("cannot read '\(checkpoint)'")
                }
                report = AuditCheckpointCheck.check(
                    entries: entries, checkpoints: try AuditCheckpoint.parseAll(text),
                    trustedKey: try AuditSigningKey.publicKey(pem: keyText, source: keyFile))
            } catch {
                printError("\(error)")
                throw ExitCode(1)
            }
            if json {
                let object: [String: Any] = [
                    "entries": report.entries, "checkpoints": report.checkpoints, "covered": report.covered,
                    "intact": report.finding == nil, "finding": report.finding.map { "\($0)" } ?? NSNull(),
                ]
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            } else if let finding = report.finding {
                print("audit log TAMPERED: \(finding)")
            } else {
                print(
                    "audit log intact: \(report.entries) entries; \(report.checkpoints) checkpoints verify, the latest covers \(report.covered) "
                        + "(\(report.entries - report.covered) written since)")
            }
            if report.finding != nil { throw ExitCode(1) }
        }

        func reportChain(_ entries: [ChainedAuditEntry]) throws {
            let result = AuditChain.verify(entries)
            if json {
                let broken = result.firstBreak.map { #","broken_seq":\#($0.seq),"reason":"\#($0.reason)""# } ?? ""
                print(#"{"entries":\#(result.count),"intact":\#(result.firstBreak == nil)\#(broken)}"#)
            } else if let broken = result.firstBreak {
                print("audit chain BROKEN at \(broken) (\(result.count) entries read)")
            } else {
                print("audit chain intact: \(result.count) entries (give --checkpoint to also detect a cut, rewritten or appended tail)")
            }
            if result.firstBreak != nil { throw ExitCode(1) }
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch the latest signed checkpoint of the audit chain.",
            discussion: "Append its output to a file kept away from the server; `audit verify --checkpoint FILE` holds the log to it."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Also write the signing key's public PEM here.") var savePublicKey: String?

        func run() async throws {
            try await connection.run { conn in
                let response = try await RegistryStub(connection: conn).getAuditCheckpoint(
                    WireGetAuditCheckpointRequest(), options: connection.callOptions)
                if let savePublicKey { try response.publicKeyPem.write(toFile: savePublicKey, atomically: true, encoding: .utf8) }
                if connection.json { return try Output.json(response) }
                print(response.checkpoint)
            }
        }
    }
}
