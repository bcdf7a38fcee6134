import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The register of service ID cards and seals (154) and the regional chamber's duties when a
/// license ends (144.4): withdraw the license for the Ministry, destroy the card and seal.
extension ChamberCommand {
    struct Documents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "documents", abstract: "Service ID cards, personal seals and the license document (Art. 154, 144.4).",
            subcommands: [Issue.self, Destroy.self, WithdrawLicense.self, List.self])

        struct Issue: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Issue an ID card or seal to a bailiff of the chamber's district (regional chamber; Art. 154).")

            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "License number.") var license: String
            @Option(help: "idCard or seal.") var kind: String
            @Option(help: "The number on it.") var number: String
            @Option(help: "Date issued, YYYY-MM-DD (default: today).") var on: String?
            @Option(help: "Idempotency key.") var idempotencyKey: String?

            func run() async throws {
                try await connection.mutate(idempotencyKey) { conn, options in
                    let response = try await ChamberStub(connection: conn).issueServiceDocument(
                        .with {
                            $0.licenseNumber = license
                            $0.kind = kind
                            $0.number = number
                            $0.issuedOn = on ?? ""
                        }, options: options)
                    if connection.json { return try Output.json(response) }
                    let d = response.document
                    print("\(d.kind) \(d.number) issued on \(d.issuedOn): \(d.holderName), \(d.chamber), license \(d.licenseNumber)")
                }
            }
        }

        struct Destroy: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record the destruction of the valid ID card or seal (regional chamber; Art. 144.4).",
                discussion: "--reason licenseEnded needs the license terminated or deprived; replaced and lost may be recorded at any time."
            )

            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "License number.") var license: String
            @Option(help: "idCard or seal.") var kind: String
            @Option(help: "licenseEnded, replaced or lost.") var reason: String
            @Option(help: "The act of destruction.") var act: String
            @Option(help: "Date, YYYY-MM-DD (default: today).") var on: String?
            @Option(help: "Idempotency key.") var idempotencyKey: String?

            func run() async throws {
                try await connection.mutate(idempotencyKey) { conn, options in
                    let response = try await ChamberStub(connection: conn).destroyServiceDocument(
                        .with {
                            $0.licenseNumber = license
                            $0.kind = kind
                            $0.reason = reason
                            $0.act = act
                            $0.on = on ?? ""
                        }, options: options)
                    if connection.json { return try Output.json(response) }
                    print(
                        "\(response.document.kind) \(response.document.number) destroyed on \(response.document.destroyedOn) (\(response.document.destructionAct))"
                    )
                }
            }
        }

        struct WithdrawLicense: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "withdraw-license",
                abstract: "Record the withdrawal of a terminated or deprived license for the Ministry (regional chamber; Art. 144.4).")

            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "License number.") var license: String
            @Option(help: "The act of withdrawal.") var act: String
            @Option(help: "Date, YYYY-MM-DD (default: today).") var on: String?
            @Option(help: "Idempotency key.") var idempotencyKey: String?

            func run() async throws {
                try await connection.mutate(idempotencyKey) { conn, options in
                    let response = try await ChamberStub(connection: conn).withdrawLicenseDocument(
                        .with {
                            $0.licenseNumber = license
                            $0.act = act
                            $0.on = on ?? ""
                        }, options: options)
                    if connection.json { return try Output.json(response) }
                    print("license \(response.licenseNumber) withdrawn on \(response.withdrawnOn) (\(response.act)) for the Ministry")
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "A license's ID cards and seals, and what Art. 144.4 still requires once it has ended.")

            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "License number.") var license: String

            func run() async throws {
                try await connection.run { conn in
                    let response = try await ChamberStub(connection: conn).listServiceDocuments(
                        .with { $0.licenseNumber = license }, options: connection.callOptions)
                    if connection.json { return try Output.json(response) }
                    Output.table(
                        ["KIND", "NUMBER", "ISSUED", "DISTRICT", "DESTROYED", "REASON"],
                        response.documents.map {
                            [$0.kind, $0.number, $0.issuedOn, $0.district, $0.destroyedOn, $0.destructionReason]
                        })
                    if response.hasWithdrawal {
                        print("license withdrawn on \(response.withdrawal.withdrawnOn) (\(response.withdrawal.act))")
                    }
                    for item in response.outstanding { print("outstanding (Art. 144.4): \(item)") }
                }
            }
        }
    }
}
