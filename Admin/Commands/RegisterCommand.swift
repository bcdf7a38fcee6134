import ArgumentParser
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The public register (167(11-3), 143.7, 163-1.1.6-5), for publication.
struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "The public register of licenses.", subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write the public register: holder, license number, issue date, status and since when. No IIN or other personal data.",
            discussion: "--status suspended|terminated|deprived writes the published list of that status with the decision dates."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "csv or json.") var format: Format = .csv
        @Option(help: "Only this status: active, suspended, terminated, deprived.") var status: String?
        @Option(help: "File to write (default: standard output).") var output: String?

        enum Format: String, ExpressibleByArgument { case csv, json }

        func run() async throws {
            let statuses: [String: WireLicenseStatus] = [
                "active": .active, "suspended": .suspended, "terminated": .terminated, "deprived": .deprived,
            ]
            var request = WirePublicRegisterRequest()
            if let status {
                guard let parsed = statuses[status] else {
                    throw ValidationError("--status must be active, suspended, terminated or deprived")
                }
                request.status = parsed
            }
            request.pageSize = 500
            try await connection.run { conn in
                let stub = LicensingStub(connection: conn)
                var entries: [WirePublicRegisterEntry] = []
                repeat {
                    let page = try await stub.publicRegister(request, options: connection.callOptions)
                    entries += page.entries
                    request.pageToken = page.nextPageToken
                } while !request.pageToken.isEmpty
                let text = format == .csv ? Self.csv(entries) : try Self.json(entries)
                if let output {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                    FileHandle.standardError.write(Data("wrote \(entries.count) entries to \(output)\n".utf8))
                } else {
                    print(text, terminator: "")
                }
            }
        }

        static func csv(_ entries: [WirePublicRegisterEntry]) -> String {
            CSVWriter.document(
                header: ["holder_name", "license_number", "issued_on", "status", "status_since", "district"],
                rows: entries.map { [$0.holderName, $0.licenseNumber, $0.issuedOn, Render.status($0.status), $0.statusSince, $0.district] })
        }

        static func json(_ entries: [WirePublicRegisterEntry]) throws -> String {
            try Output.jsonArray(entries)
        }
    }
}
