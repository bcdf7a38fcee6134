import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The monthly calculation index by year (thresholds of 138.1(4) and 146.2-1).
struct MCICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mci", abstract: "The monthly calculation index (MCI) by year.", subcommands: [Show.self, Set.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The MCI table in force.")
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.run { conn in
                let response = try await RegistryStub(connection: conn).getMCITable(WireGetMCITableRequest(), options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(["YEAR", "TENGE"], response.years.map { [String($0.year), String($0.tenge)] })
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a year's MCI from its budget law (Ministry only).")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Year.") var year: Int32
        @Option(help: "Value in tenge.") var tenge: Int64
        @Option(help: "The law that set it.") var source: String

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await RegistryStub(connection: conn).setMCI(.with { $0.year = year; $0.tenge = tenge; $0.source = source }, options: options)
                if connection.json { return try Output.json(response) }
                print("MCI \(year) = \(tenge) tenge; the table covers \(response.years.first?.year ?? 0)–\(response.years.last?.year ?? 0)")
            }
        }
    }
}
