import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// Drafts that the monitors prepare from recorded facts, and what their bodies do with them.
extension ProposalCommand {
    struct Monitors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "monitors",
            abstract: "Run the monitors as of a day: each new finding becomes one draft for its body (registryd runs them too).",
            discussion:
                "Training overdue (148.1.9-1 → s143_2_5); insurance lapsed or below the minimum (146). A finding seen before adds nothing."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Day, YYYY-MM-DD (default: today).") var asOf: String?

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await ProposalsStub(connection: conn).runMonitors(.with { $0.asOf = asOf ?? "" }, options: options)
                if connection.json { return try Output.json(response) }
                print("\(response.drafts.count) new draft(s)")
                Output.table(
                    ["ID", "LICENSE", "GROUND", "FOR", "FACTS"],
                    response.drafts.map {
                        [String($0.id), $0.licenseNumber, $0.ground, Render.author($0.author), $0.facts]
                    })
            }
        }
    }

    struct SubmitDraft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit-draft", abstract: "Submit a monitor's draft to the Ministry as your body's proposal (143.1, 144.3).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Draft id.") var id: Int64
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProposalsStub(connection: conn).submitDraftProposal(.with { $0.id = id }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "proposal \(response.proposal.id) submitted: \(response.proposal.ground) on license \(response.proposal.licenseNumber)")
            }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Do not submit a monitor's draft, with reasons.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Draft id.") var id: Int64
        @Option(help: "Why it is not submitted.") var reasons: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProposalsStub(connection: conn).withdrawDraftProposal(
                    .with {
                        $0.id = id
                        $0.reasons = reasons
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("draft \(response.proposal.id) withdrawn")
            }
        }
    }
}
