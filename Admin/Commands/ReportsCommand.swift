import ArgumentParser
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// Generated documents for the Ministry.
struct ReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports", abstract: "Generated reports.", subcommands: [Quarterly.self, LegalAid.self])

    struct Quarterly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The Republican Chamber's quarterly information to the Ministry, per district (Art. 163-1.3).",
            discussion:
                "License statuses on the quarter's last day; terminations, deprivations, inspections, violations, disciplinary proceedings, penalties, complaints and transfers within the quarter."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Quarter, e.g. 2026Q3.") var quarter: String
        @Option(help: "csv or json.") var format: String = "csv"
        @Option(help: "File to write (default: standard output).") var output: String?

        func run() async throws {
            guard format == "csv" || format == "json" else { throw ValidationError("--format must be csv or json") }
            try await connection.run { conn in
                let response = try await InspectionsStub(connection: conn).quarterlyReport(
                    .with { $0.quarter = quarter }, options: connection.callOptions)
                let text =
                    format == "json"
                    ? try Output.jsonArray(response.lines)
                    : CSVWriter.document(
                        header: [
                            "district", "active", "suspended", "ended", "inspections_completed", "violations_established",
                            "disciplinary_opened",
                            "penalties_imposed", "complaints_received", "proceedings_transferred",
                        ],
                        rows: response.lines.map { l in
                            [l.district]
                                + [
                                    l.active, l.suspended, l.ended, l.inspectionsCompleted, l.violationsEstablished, l.disciplinaryOpened,
                                    l.penaltiesImposed, l.complaintsReceived, l.proceedingsTransferred,
                                ].map(String.init)
                        })
                if let output {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                    FileHandle.standardError.write(Data("wrote the \(quarter) report to \(output)\n".utf8))
                } else {
                    print(text, terminator: "")
                }
            }
        }
    }

    struct LegalAid: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "legal-aid",
            abstract: "The regional chambers' half-yearly legal-aid report, per district (Art. 103-1.5); due 20 July and 20 January."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Half-year, e.g. 2026H1.") var half: String
        @Option(help: "csv or json.") var format: String = "csv"

        func run() async throws {
            guard format == "csv" || format == "json" else { throw ValidationError("--format must be csv or json") }
            try await connection.run { conn in
                let response = try await ChamberStub(connection: conn).legalAidSummary(
                    .with { $0.half = half }, options: connection.callOptions)
                if format == "json" { return print(try Output.jsonArray(response.lines), terminator: "") }
                print(
                    CSVWriter.document(
                        header: ["district", "bailiffs_reporting", "reports", "late_reports", "consultations"],
                        rows: response.lines.map {
                            [$0.district] + [$0.bailiffsReporting, $0.reports, $0.lateReports, $0.consultations].map(String.init)
                        }),
                    terminator: "")
            }
        }
    }
}
