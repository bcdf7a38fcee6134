import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The monthly calculation index by effective date (thresholds of 138.1(4) and 146.2-1).
struct MCICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mci", abstract: "The monthly calculation index (MCI) by effective date.", subcommands: [Show.self, Set.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The MCI table in force.")
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.run { conn in
                let response = try await RegistryStub(connection: conn).getMCITable(
                    WireGetMCITableRequest(), options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(["FROM", "TENGE"], response.rates.map { [$0.effectiveFrom, String($0.tenge)] })
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set the MCI from a budget law (Ministry only): a year's from 1 January, or --from a day.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Year (the rate takes effect on 1 January).") var year: Int32?
        @Option(help: "YYYY-MM-DD the rate takes effect (a change within a year).") var from: String?
        @Option(help: "Value in tenge.") var tenge: Int64
        @Option(help: "The law that set it.") var source: String

        func validate() throws {
            guard (year == nil) != (from == nil) else { throw ValidationError("give --year or --from, one of them") }
        }

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await RegistryStub(connection: conn).setMCI(
                    .with {
                        $0.year = year ?? 0
                        $0.effectiveFrom = from ?? ""
                        $0.tenge = tenge
                        $0.source = source
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "MCI = \(tenge) tenge from \(from ?? "\(year ?? 0)-01-01"); the table covers \(response.rates.first?.effectiveFrom ?? "")–\(response.years.last?.year ?? 0)"
                )
            }
        }
    }
}
