import ArgumentParser
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf

extension CasesCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import who holds which proceeding from CSV or NDJSON (system or Ministry).",
            discussion: """
                CSV: a header row naming the columns, then one proceeding per row. NDJSON: one JSON object per line with the same keys.
                Columns: \(CasesCommand.columns.joined(separator: ", ")).
                Every row is checked on its own: good rows are kept, a bad row is reported with its line and every problem, and leaves nothing behind.
                Rows go in requests of 1,000, two in flight. On a terminal a progress line shows how far it is. If the import stops
                half-way (a lost connection, a full disk) it says how many rows were kept; run it again with --skip-existing.
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The file (.csv, or .ndjson/.jsonl).") var file: String
        @Option(help: "csv or ndjson (default: from the file's extension).") var format: String?
        @Flag(help: "Skip rows whose number is already registered (a re-import), instead of refusing them.") var skipExisting = false

        static let rowsPerRequest = 1_000

        func run() async throws {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw ValidationError("cannot read \(file): \(error.localizedDescription)")
            }
            let kind = format ?? (file.hasSuffix(".csv") ? "csv" : "ndjson")
            var rows: [(line: Int, record: WireProceedingRecord)] = []
            var problems: [(line: Int, text: String)] = []
            switch kind {
            case "csv": try ProceedingRows.csv(text, into: &rows, problems: &problems)
            case "ndjson", "jsonl": ProceedingRows.ndjson(text, into: &rows, problems: &problems)
            default: throw ValidationError("--format must be csv or ndjson")
            }
            let total = rows.count + problems.count
            var tally = ImportTally()
            let progress = ImportProgress(total: rows.count)
            let batches = stride(from: 0, to: rows.count, by: Self.rowsPerRequest).map {
                Array(rows[$0..<min(rows.count, $0 + Self.rowsPerRequest)])
            }
            let skipExisting = skipExisting
            do {
                try await connection.run { conn in
                    let stub = ProceedingsStub(connection: conn)
                    let options = connection.callOptions
                    // Two requests in flight: the server checks one while the next travels.
                    try await withThrowingTaskGroup(of: (Int, WireImportProceedingsResponse).self) { group in
                        var next = 0
                        func send() {
                            guard next < batches.count else { return }
                            let index = next
                            let records = batches[index].map(\.record)
                            next += 1
                            group.addTask {
                                (
                                    index,
                                    try await stub.importProceedings(
                                        .with {
                                            $0.proceedings = records
                                            $0.skipExisting = skipExisting
                                        }, options: options)
                                )
                            }
                        }
                        send()
                        send()
                        while let (index, response) = try await group.next() {
                            tally.add(response, batch: batches[index], problems: &problems)
                            progress.show(done: tally.sent)
                            send()
                        }
                    }
                }
            } catch {
                progress.finish()
                printError(
                    "the import stopped after \(tally.sent) of \(rows.count) rows were answered: \(tally.imported) imported, \(tally.skipped) skipped, \(problems.count) refused; "
                        + "the rows answered are kept. Run it again with --skip-existing to continue.")
                throw error
            }
            progress.finish()
            for problem in problems.sorted(by: { $0.line < $1.line }) { print("line \(problem.line): \(problem.text)") }
            print(
                "imported \(tally.imported) of \(total) rows; "
                    + (tally.skipped > 0 ? "\(tally.skipped) skipped as already registered; " : "") + "\(problems.count) refused")
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}

/// What the server answered so far.
struct ImportTally {
    var imported = 0
    var skipped = 0
    var sent = 0

    mutating func add(
        _ response: WireImportProceedingsResponse, batch: [(line: Int, record: WireProceedingRecord)],
        problems: inout [(line: Int, text: String)]
    ) {
        imported += response.accepted.count
        skipped += response.skipped.count
        sent += batch.count
        for refused in response.refused {
            let text = refused.problems.map { "\($0.field): \($0.message)" + ($0.legalBasis.isEmpty ? "" : " (Art. \($0.legalBasis))") }
                .joined(separator: "; ")
            problems.append((batch[Int(refused.index)].line, text))
        }
    }
}

/// A progress line on stderr, only when it is a terminal (scripts get the summary alone).
struct ImportProgress {
    let total: Int
    let enabled = isatty(STDERR_FILENO) == 1

    func show(done: Int) {
        guard enabled, total > 0 else { return }
        FileHandle.standardError.write(Data("\r\(done) of \(total) rows (\(done * 100 / total) %)".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// Rows of a proceedings file as wire records, one per line, or the line's problem.
enum ProceedingRows {
    /// Each CSV column sets its field of the record directly (no JSON round trip: 100,000 rows parse in well under a second).
    static let setters: [String: @Sendable (inout WireProceedingRecord, String) -> Bool] = [
        "number": {
            $0.number = $1
            return true
        },
        "document_kind": {
            $0.documentKind = $1
            return true
        },
        "document_reference": {
            $0.documentReference = $1
            return true
        },
        "debtor_kind": {
            $0.debtorKind = $1
            return true
        },
        "subject": {
            $0.subject = $1
            return true
        },
        "in_favour_of_state": { record, value in
            switch value.lowercased() {
            case "true", "1", "yes":
                record.inFavourOfState = true
                return true
            case "false", "0", "no":
                record.inFavourOfState = false
                return true
            default: return false
            }
        },
        "category": {
            $0.category = $1
            return true
        },
        "creditor_kind": {
            $0.creditorKind = $1
            return true
        },
        "creditor_name": {
            $0.creditorName = $1
            return true
        },
        "creditor_identifier": {
            $0.creditorIdentifier = $1
            return true
        },
        "creditor_contact": {
            $0.creditorContact = $1
            return true
        },
        "debtor_party_kind": {
            $0.debtorPartyKind = $1
            return true
        },
        "debtor_name": {
            $0.debtorName = $1
            return true
        },
        "debtor_identifier": {
            $0.debtorIdentifier = $1
            return true
        },
        "debtor_contact": {
            $0.debtorContact = $1
            return true
        },
        "debtor_district": {
            $0.debtorDistrict = $1
            return true
        },
        "debtor_unit": {
            $0.debtorUnit = $1
            return true
        },
        "amount": {
            $0.amount = $1
            return true
        },
        "opened_on": {
            $0.openedOn = $1
            return true
        },
        "holder_license": {
            $0.holderLicense = $1
            return true
        },
        "advance_paid": {
            $0.advancePaid = $1
            return true
        },
        "advance_used": {
            $0.advanceUsed = $1
            return true
        },
        "last_measure_on": {
            $0.lastMeasureOn = $1
            return true
        },
    ]

    static func csv(
        _ text: String, into rows: inout [(line: Int, record: WireProceedingRecord)], problems: inout [(line: Int, text: String)]
    ) throws {
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch let error as CSVReader.Malformed {
            throw ValidationError("line \(error.line): \(error.description)")
        }
        guard let header = records.first else { throw ValidationError("the file is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let unknown = names.filter { setters[$0] == nil }
        guard unknown.isEmpty else {
            throw ValidationError(
                "line 1: unknown columns \(unknown.joined(separator: ", ")); known: \(CasesCommand.columns.joined(separator: ", "))")
        }
        let columns = names.map { setters[$0]! }
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                problems.append((record.line, "\(record.fields.count) fields, the header has \(names.count)"))
                continue
            }
            var parsed = WireProceedingRecord()
            var bad: [String] = []
            for (index, value) in record.fields.enumerated() where !value.isEmpty {
                if !columns[index](&parsed, value) { bad.append("\(names[index]) must be true or false") }
            }
            if bad.isEmpty { rows.append((record.line, parsed)) } else { problems.append((record.line, bad.joined(separator: "; "))) }
        }
    }

    static func ndjson(
        _ text: String, into rows: inout [(line: Int, record: WireProceedingRecord)], problems: inout [(line: Int, text: String)]
    ) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                rows.append((index + 1, try WireProceedingRecord(jsonString: String(line))))
            } catch {
                problems.append((index + 1, "not a proceeding object: \(error)"))
            }
        }
    }
}
