import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// Disciplinary proceedings, as far as the license lifecycle reads them (144.5).
struct DisciplineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discipline", abstract: "Disciplinary proceedings (chambers).",
        subcommands: [Open.self, Close.self, List.self, Appeal.self])

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a disciplinary proceeding (a chamber's disciplinary commission, Art. 170.2).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number of the bailiff.") var license: String
        @Option(help: "What it is opened on: representation, complaint, own material, with its reference.") var source: String
        @Option(help: "Date opened, YYYY-MM-DD (default: today).") var on: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await DisciplineStub(connection: conn).openDisciplinaryProceeding(
                    .with {
                        $0.licenseNumber = license
                        $0.source = source
                        $0.openedOn = on ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "disciplinary proceeding \(response.proceeding.id) opened on \(response.proceeding.openedOn) against license \(response.proceeding.licenseNumber)"
                )
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a disciplinary proceeding with its outcome.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proceeding id.") var id: Int64
        @Option(help: "How it ended, in words.") var outcome: String
        @Option(help: "The penalty (170.1): warning, reprimand, severeReprimand, expulsion; omit for none.") var penalty: String?
        @Option(help: "Date closed, YYYY-MM-DD (default: today).") var on: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await DisciplineStub(connection: conn).closeDisciplinaryProceeding(
                    .with {
                        $0.id = id
                        $0.outcome = outcome
                        $0.penalty = penalty ?? ""
                        $0.closedOn = on ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "disciplinary proceeding \(response.proceeding.id) closed on \(response.proceeding.closedOn): \(response.proceeding.outcome)"
                )
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the disciplinary proceedings against a bailiff.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await DisciplineStub(connection: conn).listDisciplinaryProceedings(
                    .with { $0.licenseNumber = license }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["ID", "OPENED", "CLOSED", "SOURCE", "OUTCOME", "PENALTY"],
                    response.proceedings.map {
                        [
                            String($0.id), $0.openedOn, $0.closedOn.isEmpty ? "open" : $0.closedOn, $0.source, $0.outcome,
                            $0.penalty.isEmpty
                                ? "" : "\($0.penalty) (Art. \($0.penaltyLegalBasis))" + ($0.penaltyInForce ? ", in force" : ", spent"),
                        ]
                    })
            }
        }
    }

    struct Appeal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the appeal of a penalty (Republican Chamber; Art. 170.3): --annulled or upheld.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proceeding id.") var id: Int64
        @Flag(help: "The penalty was annulled (default: upheld).") var annulled = false
        @Option(help: "Appeal decision reference.") var decision: String

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await DisciplineStub(connection: conn).appealPenalty(
                    .with {
                        $0.id = id
                        $0.annulled = annulled
                        $0.decision = decision
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("penalty of proceeding \(id) \(response.proceeding.appealOutcome) on appeal")
            }
        }
    }
}
