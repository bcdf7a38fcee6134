import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

struct ProposalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: "Representations to the Ministry on license measures (Art. 143.1, 144.3).",
        subcommands: [Submit.self, List.self, Decline.self, SubmitDraft.self, Withdraw.self, Monitors.self]
    )

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit a proposal as the body your certificate names (territorial body, chamber, prosecutor).",
            discussion:
                "Ground codes: s143_2_1 … s143_2_6, sGeneral (suspension; not for prosecutors), t144_1_1 … t144_1_6, tGeneral, d144_2_1 … d144_2_7, dGeneral."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Option(help: "Ground code.") var ground: String
        @Option(help: "The facts the proposal rests on.") var facts: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let request = WireSubmitProposalRequest.with {
                    $0.licenseNumber = number
                    $0.ground = ground
                    $0.facts = facts
                }
                let response = try await ProposalsStub(connection: conn).submitProposal(request, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "proposal \(response.proposal.id) submitted on license \(response.proposal.licenseNumber) (\(response.proposal.ground))"
                )
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List proposals (the Ministry sees all; a proposing body its own).")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "draft, pending, accepted, declined or withdrawn.") var state: String?
        @Option(help: "Only proposals on this license.") var license: String?

        func run() async throws {
            var request = WireListProposalsRequest()
            if let state {
                let states: [String: WireProposalState] = [
                    "draft": .draft, "pending": .pending, "accepted": .accepted, "declined": .declined, "withdrawn": .withdrawn,
                ]
                guard let parsed = states[state] else {
                    throw ValidationError("--state must be draft, pending, accepted, declined or withdrawn")
                }
                request.state = parsed
            }
            request.licenseNumber = license ?? ""
            try await connection.run { conn in
                let response = try await ProposalsStub(connection: conn).listProposals(request, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["ID", "LICENSE", "GROUND", "STATE", "AUTHOR"],
                    response.proposals.map {
                        [String($0.id), $0.licenseNumber, $0.ground, Self.name($0.state), $0.authorIdentity]
                    })
            }
        }

        static func name(_ state: WireProposalState) -> String {
            switch state {
            case .pending: return "pending"
            case .accepted: return "accepted"
            case .declined: return "declined"
            case .draft: return "draft"
            case .withdrawn: return "withdrawn"
            default: return "unspecified"
            }
        }
    }

    struct Decline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Decline a pending proposal with reasons (Ministry only).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proposal id.") var id: Int64
        @Option(help: "Why the proposal is declined.") var reasons: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await ProposalsStub(connection: conn).declineProposal(
                    .with {
                        $0.id = id
                        $0.reasons = reasons
                    }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                print("proposal \(response.proposal.id) declined")
            }
        }
    }
}
