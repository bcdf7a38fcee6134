import ArgumentParser
import Licensing
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The decisions after issuance (L2–L7): each one prints the history entry it recorded.
extension LicenseCommand {
    struct SuspendDeputy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend-deputy",
            abstract: "Suspend on the bailiff's application after his election as a deputy (Ministry only, Art. 143.5).",
            discussion: "No term and no 6-month cap: it lasts until the mandate ends (`license resume`)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Option(help: "Reference of the bailiff's application.") var application: String
        @Option(help: "The mandate: which body, since when.") var reasons: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.decide(idempotencyKey) { stub, options in
                try await stub.suspendOnOwnApplication(
                    .with {
                        $0.number = number
                        $0.application = application
                        $0.reasons = reasons
                    }, options: options)
            }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resume after the deputy mandate ended (Ministry only, Art. 143.5).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Option(help: "When and how the mandate ended.") var reasons: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.decide(idempotencyKey) { stub, options in
                try await stub.resumeAfterMandate(
                    .with {
                        $0.number = number
                        $0.reasons = reasons
                    }, options: options)
            }
        }
    }

    struct RefuseReinstatement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refuse-reinstatement",
            abstract: "Refuse to reinstate: the circumstances have not ceased (Ministry only, Art. 143.3; appealable, 143.8)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Option(help: "Why the circumstances of the suspension have not ceased.") var reasons: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.decide(idempotencyKey) { stub, options in
                try await stub.refuseReinstatement(
                    .with {
                        $0.number = number
                        $0.reasons = reasons
                    }, options: options)
            }
        }
    }

    struct Terminate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Terminate a license (Ministry only, Art. 144.1); final.",
            discussion:
                "A proposal (144.3) is optional. tOwnApplication needs --application and is refused while a disciplinary proceeding is open (144.5). Grounds:\n"
                + LicenseGround.helpLines(for: .termination)
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Option(help: "Ground code, e.g. t144_1_4.") var ground: String
        @Option(help: "Reasons of the decision: the fact and its date.") var reasons: String
        @Option(help: "Reference of the bailiff's application (tOwnApplication).") var application: String?
        @OptionGroup var proposal: ProposalOptions
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            var request = WireTerminateLicenseRequest()
            request.number = number
            request.ground = ground
            request.reasons = reasons
            request.application = application ?? ""
            let (id, reference) = try proposal.resolve(required: nil)
            request.proposalID = id
            if let reference { request.proposal = reference }
            try await connection.decide(idempotencyKey) { stub, options in try await stub.terminateLicense(request, options: options) }
        }
    }

    struct FileClaim: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "file-claim",
            abstract: "Record the Ministry's deprivation claim filed with a court (Art. 144.2, 167(9)).",
            discussion:
                "Needs a proposal (144.3). The license keeps its status, flagged claim pending, until `license court-decision`. Grounds:\n"
                + LicenseGround.helpLines(for: .deprivation)
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Option(help: "Ground code, e.g. d144_2_2.") var ground: String
        @Option(help: "Reasons of the claim.") var reasons: String
        @Option(help: "The claim: court and case number.") var claim: String
        @OptionGroup var proposal: ProposalOptions
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            var request = WireFileDeprivationClaimRequest()
            request.number = number
            request.ground = ground
            request.reasons = reasons
            request.claim = claim
            let (id, reference) = try proposal.resolve(required: "144.3")
            request.proposalID = id
            if let reference { request.proposal = reference }
            try await connection.decide(idempotencyKey) { stub, options in try await stub.fileDeprivationClaim(request, options: options) }
        }
    }

    struct CourtDecision: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "court-decision",
            abstract: "Record the court's decision on the deprivation claim, from its entry into force (Art. 144.2).",
            discussion: "--granted: the license is deprived, final, and its holder is barred for 3 years from that date (140.2.8)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Flag(exclusivity: .exclusive, help: "The court's outcome.") var outcome: Outcome
        @Option(help: "The court decision's reference.") var courtAct: String
        @Option(help: "Date it entered into force, YYYY-MM-DD.") var inForceOn: String
        @Option(help: "Summary of the court's reasons.") var reasons: String = ""
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        enum Outcome: String, EnumerableFlag { case granted, dismissed }

        func run() async throws {
            var request = WireRecordCourtDecisionRequest()
            request.number = number
            request.granted = outcome == .granted
            request.courtAct = courtAct
            request.inForceOn = inForceOn
            request.reasons = reasons
            try await connection.decide(idempotencyKey) { stub, options in try await stub.recordCourtDecision(request, options: options) }
        }
    }

    struct Annul: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a court act annulling a decision (Art. 143.8, 144.6); the previous status returns from the act's date.",
            discussion:
                "Entries are numbered in `license history`; only the decision in force can be annulled: a suspension, a refusal of reinstatement, a termination or a deprivation."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Option(help: "Number of the annulled history entry (#N in `license history`).") var entry: Int32
        @Option(help: "The court act's reference.") var courtAct: String
        @Option(help: "Date it entered into force, YYYY-MM-DD.") var inForceOn: String
        @Option(help: "The court's reasons.") var reasons: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            var request = WireRecordCourtAnnulmentRequest()
            request.number = number
            request.entry = entry
            request.courtAct = courtAct
            request.inForceOn = inForceOn
            request.reasons = reasons
            try await connection.decide(idempotencyKey) { stub, options in try await stub.recordCourtAnnulment(request, options: options) }
        }
    }
}
