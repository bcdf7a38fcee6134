import ArgumentParser
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// Enforcement proceedings: intake, look-up, and why each is held where it is.
struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cases", abstract: "Enforcement proceedings and their transfers.",
                                                    subcommands: [Import.self, List.self, Show.self, Explain.self, Transfers.self, Replace.self, Replacements.self, ReturnToCreditor.self, Relocate.self, Absence.self, ConfirmHandover.self])

    /// The columns (CSV header, NDJSON keys), as the wire record names them.
    static let columns = [
        "number", "document_kind", "document_reference", "debtor_kind", "subject", "in_favour_of_state", "category",
        "creditor_kind", "creditor_name", "creditor_identifier", "creditor_contact",
        "debtor_party_kind", "debtor_name", "debtor_identifier", "debtor_contact", "debtor_district", "debtor_unit",
        "amount", "opened_on", "holder_license", "advance_paid", "advance_used", "last_measure_on",
    ]

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import who holds which proceeding from CSV or NDJSON (system or Ministry).",
            discussion: """
            CSV: a header row naming the columns, then one proceeding per row. NDJSON: one JSON object per line with the same keys.
            Columns: \(CasesCommand.columns.joined(separator: ", ")).
            Every row is checked on its own: good rows are kept, a bad row is reported with its line and every problem, and leaves nothing behind.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The file (.csv, or .ndjson/.jsonl).") var file: String
        @Option(help: "csv or ndjson (default: from the file's extension).") var format: String?

        func run() async throws {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch { throw ValidationError("cannot read \(file): \(error.localizedDescription)") }
            let kind = format ?? (file.hasSuffix(".csv") ? "csv" : "ndjson")
            var rows: [(line: Int, record: WireProceedingRecord)] = []
            var problems: [(line: Int, text: String)] = []
            switch kind {
            case "csv": try Self.csv(text, into: &rows, problems: &problems)
            case "ndjson", "jsonl": Self.ndjson(text, into: &rows, problems: &problems)
            default: throw ValidationError("--format must be csv or ndjson")
            }
            let total = rows.count + problems.count
            var imported = 0
            try await connection.run { conn in
                let stub = ProceedingsStub(connection: conn)
                for start in stride(from: 0, to: rows.count, by: 1_000) {
                    let batch = Array(rows[start..<min(rows.count, start + 1_000)])
                    let response = try await stub.importProceedings(.with { $0.proceedings = batch.map(\.record) }, options: connection.callOptions)
                    imported += response.accepted.count
                    for refused in response.refused {
                        let text = refused.problems.map { "\($0.field): \($0.message)" + ($0.legalBasis.isEmpty ? "" : " (Art. \($0.legalBasis))") }.joined(separator: "; ")
                        problems.append((batch[Int(refused.index)].line, text))
                    }
                }
            }
            for problem in problems.sorted(by: { $0.line < $1.line }) { print("line \(problem.line): \(problem.text)") }
            print("imported \(imported) of \(total) rows; \(problems.count) refused")
            if !problems.isEmpty { throw ExitCode(1) }
        }

        static func csv(_ text: String, into rows: inout [(line: Int, record: WireProceedingRecord)], problems: inout [(line: Int, text: String)]) throws {
            let records: [CSVReader.Record]
            do { records = try CSVReader.records(text) } catch let error as CSVReader.Malformed {
                throw ValidationError("line \(error.line): \(error.description)")
            }
            guard let header = records.first else { throw ValidationError("the file is empty") }
            let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let unknown = names.filter { !CasesCommand.columns.contains($0) }
            guard unknown.isEmpty else { throw ValidationError("line 1: unknown columns \(unknown.joined(separator: ", ")); known: \(CasesCommand.columns.joined(separator: ", "))") }
            for record in records.dropFirst() {
                guard record.fields.count == names.count else {
                    problems.append((record.line, "\(record.fields.count) fields, the header has \(names.count)"))
                    continue
                }
                var object: [String: Any] = [:]
                for (name, value) in zip(names, record.fields) where !value.isEmpty {
                    object[name] = name == "in_favour_of_state" ? (["true", "1", "yes"].contains(value.lowercased())) : value
                }
                if let json = try? JSONSerialization.data(withJSONObject: object), let parsed = try? WireProceedingRecord(jsonUTF8Data: json) {
                    rows.append((record.line, parsed))
                } else {
                    problems.append((record.line, "in_favour_of_state must be true or false"))
                }
            }
        }

        static func ndjson(_ text: String, into rows: inout [(line: Int, record: WireProceedingRecord)], problems: inout [(line: Int, text: String)]) {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    rows.append((index + 1, try WireProceedingRecord(jsonString: String(line))))
                } catch {
                    problems.append((index + 1, "not a proceeding object: \(error)"))
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List proceedings, filtered and paged.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "License number of the holder.") var holder: String?
        @Flag(help: "Only those the regional chamber holds.") var chamber = false
        @Option(help: "District code.") var district: String?
        @Option(help: "sociallySignificant, stateRevenue or other.") var category: String?
        @Option(help: "Rows per page (1–500).") var pageSize: UInt32 = 50
        @Option(help: "Continue from a page token.") var pageToken: String?

        func run() async throws {
            try await connection.run { conn in
                let response = try await ProceedingsStub(connection: conn).listProceedings(.with {
                    $0.holderLicense = holder ?? ""
                    $0.heldByChamber = chamber
                    $0.district = district ?? ""
                    $0.category = category ?? ""
                    $0.pageSize = pageSize
                    $0.pageToken = pageToken ?? ""
                }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(["NUMBER", "HOLDER", "CATEGORY", "AMOUNT", "DEBTOR", "OPENED"], response.proceedings.map {
                    [$0.record.number, $0.holder, $0.record.category, $0.record.amount, $0.record.debtorName, $0.record.openedOn]
                })
                if !response.nextPageToken.isEmpty { print("more: --page-token \(response.nextPageToken)") }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a proceeding and every change of its holder.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proceeding number.") var number: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await ProceedingsStub(connection: conn).getProceeding(.with { $0.number = number }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                let r = response.proceeding.record
                Output.fields([
                    ("Number", r.number), ("Holder", response.proceeding.holder), ("District", response.proceeding.district),
                    ("Document", "\(r.documentKind) \(r.documentReference)"), ("Category", r.category), ("Amount", r.amount),
                    ("Creditor", r.creditorName), ("Debtor", "\(r.debtorName), \(r.debtorDistrict) \(r.debtorUnit)"),
                    ("Opened", r.openedOn), ("Advance", "\(r.advancePaid) paid, \(r.advanceUsed) used"), ("Status", response.proceeding.status),
                ])
                print("\nHolders")
                Output.table(["AT", "HOLDER", "WHY", "JOB"], response.assignments.map {
                    [Render.moment(Date(timeIntervalSince1970: Double($0.atMs) / 1000)), $0.holder, $0.reason, $0.jobID == 0 ? "" : String($0.jobID)]
                })
            }
        }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Why a proceeding went to its bailiff: policy, candidates and their loads, seed (123.6.2).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proceeding number.") var number: String

        func run() async throws {
            try await connection.run { conn in
                let r = try await ProceedingsStub(connection: conn).explainAssignment(.with { $0.number = number }, options: connection.callOptions)
                if connection.json { return try Output.json(r) }
                print("\(number): held by \(r.proceeding.holder)")
                guard !r.policyVersion.isEmpty else { return print("no reassignment decided for it; holders: \(r.assignments.map { "\($0.holder) (\($0.reason))" }.joined(separator: " → "))") }
                print("transfer after \(r.trigger), policy \(r.policyVersion), seed \(r.seed), \(r.candidateCount) eligible bailiffs")
                print(r.outcome == "assigned" ? "receiver: \(r.receiverName), IIN \(r.receiverIin), license \(r.receiverLicense)" : r.outcome)
                Output.table(["CANDIDATE", "LOAD"], r.loads.map { [$0.license, String($0.load)] })
            }
        }
    }

    struct Transfers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Transfer jobs after a bailiff lost the right to act.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "License number of the outgoing bailiff.") var license: String?
        @Option(help: "reassigning, completed, blocked or cancelled.") var state: String?

        func run() async throws {
            try await connection.run { conn in
                let response = try await ProceedingsStub(connection: conn).listTransferJobs(.with {
                    $0.licenseNumber = license ?? ""
                    $0.state = state ?? ""
                }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(["JOB", "LICENSE", "TRIGGER", "DISTRICT", "STATE", "MOVED", "STRANDED", "TOTAL"], response.jobs.map {
                    [String($0.id), $0.licenseNumber, "#\($0.triggerEntry) \($0.trigger)", $0.district, $0.state, String($0.reassigned), String($0.stranded), String($0.total)]
                })
            }
        }
    }
}
