import ArgumentParser
import Foundation
import Licensing
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The working-day calendar every deadline is computed with.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "The working-day calendar.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the years a calendar file declares (Ministry only).",
            discussion: """
                The file: {"source": "...", "years": [first, last], "days": [{"date": "YYYY-MM-DD", "kind": "nonWorking"|"working", "note": "..."}]}.
                nonWorking days are weekdays off (holidays, transfers); working days are Saturdays or Sundays worked.
                The file is checked here first, then by the server; every problem is listed with its entry.
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Calendar JSON file.") var file: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ValidationError("cannot read \(file): \(error.localizedDescription)")
            }
            do {
                _ = try WorkingCalendarFile.parse(data)
            } catch {
                throw ValidationError(error.problems.map { "\(file): \($0)" }.joined(separator: "\n"))
            }
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await RegistryStub(connection: conn).importWorkingCalendar(
                    .with { $0.document = data }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "calendar in force: \(response.firstYear)–\(response.lastYear), \(response.nonWorkingWeekdays) weekdays off, \(response.workingWeekendDays) weekend days worked"
                )
            }
        }
    }
}
