import ArgumentParser
import Foundation
import Licensing
import RegistryClient
import RegistryWire
import SwiftProtobuf

extension LicenseCommand {
    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Suspend a license on a proposal (Ministry only, Art. 143.1–143.4).",
            discussion:
                "The term ends at most 6 months after today on 143.2.1–6 (143.2); on sGeneral, the Law on Permits sets it. Grounds:\n"
                + LicenseGround.helpLines(for: .suspension)
                .split(separator: "\n").filter { !$0.contains("sDeputy") }.joined(separator: "\n")
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Option(help: "Ground code, e.g. s143_2_4.") var ground: String
        @Option(help: "Last day of the term, YYYY-MM-DD.") var until: String
        @Option(help: "Reasons of the decision.") var reasons: String
        @OptionGroup var proposal: ProposalOptions
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            var request = WireSuspendLicenseRequest()
            request.number = number
            request.ground = ground
            request.termEnd = until
            request.reasons = reasons
            let (id, reference) = try proposal.resolve(required: "143.1")
            request.proposalID = id
            if let reference { request.proposal = reference }
            try await connection.decide(idempotencyKey) { stub, options in try await stub.suspendLicense(request, options: options) }
        }
    }

    struct Reinstate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reinstate a suspended license (Ministry only, Art. 143.3).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Option(help: "Why the circumstances of the suspension have ceased.") var reasons: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.decide(idempotencyKey) { stub, options in
                try await stub.reinstateLicense(
                    .with {
                        $0.number = number
                        $0.reasons = reasons
                    }, options: options)
            }
        }
    }

    struct StatusAt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status-at",
            abstract: "The status of a license at a moment, from its history.",
            discussion: "The moment is Kazakhstan time (UTC+5): YYYY-MM-DD or YYYY-MM-DDTHH:MM."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String
        @Argument(help: "Moment, e.g. 2026-03-03T14:05.") var moment: String

        func run() async throws {
            guard let at = Self.parse(moment) else {
                throw ValidationError("moment must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Kazakhstan time)")
            }
            try await connection.run { conn in
                let response = try await LicensingStub(connection: conn).getLicenseStatusAt(
                    .with {
                        $0.number = number
                        $0.atMs = at
                    }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                guard response.status != .unspecified else { return print("license \(number) did not exist at \(moment)") }
                print(
                    "license \(number) at \(moment): \(Render.status(response.status)) (decided \(response.inForce.decisionDate), Art. \(response.inForce.legalBasis))"
                )
            }
        }

        /// Milliseconds since the epoch of a Kazakhstan local moment.
        static func parse(_ text: String) -> Int64? {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(secondsFromGMT: 5 * 3600)
            for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"] {
                formatter.dateFormat = format
                if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970 * 1000) }
            }
            return nil
        }
    }
}
