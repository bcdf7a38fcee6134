import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The register of assistants (156, 156-1): like interns, checked on the day they start.
extension ChamberCommand {
    struct Assistants: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assistant", abstract: "Assistants of private bailiffs (Art. 156, 156-1).",
            subcommands: [Add.self, End.self, List.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Register an assistant on a labour contract (the bailiff himself, or his regional chamber; Art. 156.1).",
                discussion:
                    "The person must be a citizen with legal education and the certificate of the Republican Chamber's training (156.2), and none of the bars of 156.1-1 may reach him."
            )

            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "The assistant's IIN.") var iin: String
            @Option(help: "License number of the employing bailiff.") var employer: String
            @Option(help: "Reference of the labour contract (156.6).") var contract: String
            @Option(help: "Number of the training certificate (156.2).") var certificate: String
            @Option(help: "Date of the certificate, YYYY-MM-DD.") var certificateOn: String
            @Option(help: "The Republican Chamber's training programme it names.") var programme: String
            @Option(help: "First day of the contract, YYYY-MM-DD (default: today).") var from: String?
            @Option(help: "Idempotency key.") var idempotencyKey: String?

            func run() async throws {
                try await connection.mutate(idempotencyKey) { conn, options in
                    let response = try await ChamberStub(connection: conn).registerAssistant(
                        .with {
                            $0.iin = iin
                            $0.employerLicense = employer
                            $0.contract = contract
                            $0.employedFrom = from ?? ""
                            $0.certificate = certificate
                            $0.certificateOn = certificateOn
                            $0.programme = programme
                        }, options: options)
                    if connection.json { return try Output.json(response) }
                    let a = response.assistant
                    print("assistant \(a.id): \(a.iin) works for \(a.employerLicense) from \(a.employedFrom) (contract \(a.contract))")
                }
            }
        }

        struct End: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record that an assistant's labour contract ended (Art. 156.6).")

            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "Assistant entry id.") var id: Int64
            @Option(help: "Why the contract ended.") var reason: String
            @Option(help: "The day it ended, YYYY-MM-DD (default: today).") var on: String?
            @Option(help: "Idempotency key.") var idempotencyKey: String?

            func run() async throws {
                try await connection.mutate(idempotencyKey) { conn, options in
                    let response = try await ChamberStub(connection: conn).endAssistant(
                        .with {
                            $0.id = id
                            $0.on = on ?? ""
                            $0.reason = reason
                        }, options: options)
                    if connection.json { return try Output.json(response) }
                    print("assistant \(id): contract ended on \(response.assistant.endedOn)")
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The assistants of a bailiff (--employer) or the entries of a person (--iin).")

            @OptionGroup var connection: ConnectionOptions
            @Option(help: "License number of the employer.") var employer: String?
            @Option(help: "The person's IIN.") var iin: String?

            func validate() throws {
                guard (employer == nil) != (iin == nil) else { throw ValidationError("give --employer or --iin, one of them") }
            }

            func run() async throws {
                try await connection.run { conn in
                    let response = try await ChamberStub(connection: conn).listAssistants(
                        .with {
                            $0.employerLicense = employer ?? ""
                            $0.iin = iin ?? ""
                        },
                        options: connection.callOptions)
                    if connection.json { return try Output.json(response) }
                    Output.table(
                        ["ID", "IIN", "EMPLOYER", "FROM", "CERTIFICATE", "STATUS", "ENDED"],
                        response.assistants.map {
                            [
                                String($0.id), $0.iin, $0.employerLicense, $0.employedFrom, "\($0.certificate) of \($0.certificateOn)",
                                $0.status, $0.endedOn,
                            ]
                        })
                }
            }
        }
    }
}
