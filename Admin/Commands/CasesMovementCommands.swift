import ArgumentParser
import Enforcement
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// Movements of proceedings that are not a license event: temporary replacement (153-1)
/// and the debtor's relocation (52.4.2).
extension CasesCommand {
    struct Replace: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a temporary replacement (Republican Chamber, or a regional chamber on its order; Art. 153-1).",
            discussion:
                "Grounds (153-1.2): \(ReplacementGround.allCases.map(\.rawValue).joined(separator: ", ")). The proceedings move to the substitute on --from and come back after --to; the parties are told."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number of the replaced bailiff.") var replaced: String
        @Option(help: "License number of the substitute (same district).") var substitute: String
        @Option(help: "Ground, e.g. annualLeave.") var ground: String
        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Last day, YYYY-MM-DD.") var to: String
        @Option(help: "Reference of the order.") var reference: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProceedingsStub(connection: conn).recordTemporaryReplacement(
                    .with {
                        $0.replacedLicense = replaced
                        $0.substituteLicense = substitute
                        $0.ground = ground
                        $0.from = from
                        $0.to = to
                        $0.reference = reference
                    }, options: options)
                if connection.json { return try Output.json(response) }
                let r = response.replacement
                print(
                    "replacement \(r.id): \(r.substituteLicense) replaces \(r.replacedLicense) from \(r.from) to \(r.to) (\(r.ground)), \(r.state)"
                )
            }
        }
    }

    struct Replacements: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List temporary replacements.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Only those of this license (replaced or substitute).") var license: String?

        func run() async throws {
            try await connection.run { conn in
                let response = try await ProceedingsStub(connection: conn).listTemporaryReplacements(
                    .with { $0.licenseNumber = license ?? "" }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["ID", "REPLACED", "SUBSTITUTE", "GROUND", "FROM", "TO", "STATE"],
                    response.replacements.map {
                        [String($0.id), $0.replacedLicense, $0.substituteLicense, $0.ground, $0.from, $0.to, $0.state]
                    })
            }
        }
    }

    struct ReturnToCreditor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return-to-creditor",
            abstract: "The creditor disagrees with a temporary replacement: his document and unused advance go back (Art. 153-1.3)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proceeding number.") var number: String
        @Option(help: "Reference of the creditor's application.") var application: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProceedingsStub(connection: conn).returnToCreditor(
                    .with {
                        $0.number = number
                        $0.application = application
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "proceeding \(number) returned to the creditor; unused advance \(response.proceeding.record.advancePaid) paid, \(response.proceeding.record.advanceUsed) used"
                )
            }
        }
    }

    struct Relocate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "The debtor is in another district: send the proceeding to that regional chamber (holding bailiff; Art. 52.4.2, 52.5)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proceeding number.") var number: String
        @Option(help: "District code where the debtor was found.") var district: String
        @Option(help: "Reference of your ruling.") var ruling: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProceedingsStub(connection: conn).relocateProceeding(
                    .with {
                        $0.number = number
                        $0.district = district
                        $0.ruling = ruling
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("proceeding \(number) sent to \(response.proceeding.holder); the creditor is told and the unused advance returned")
            }
        }
    }
}

extension CasesCommand {
    struct Absence: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Record a bailiff's absence over a month: his proceedings go to the regional chamber and are reassigned (Art. 148.1.9-2).",
            discussion: "A shorter absence is a temporary replacement (`cases replace`)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number of the absent bailiff.") var license: String
        @Option(help: "First day of the absence, YYYY-MM-DD.") var from: String
        @Option(help: "Expected last day, YYYY-MM-DD.") var until: String?
        @Option(help: "Why he is absent.") var reason: String
        @Option(help: "Reference of the document.") var reference: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProceedingsStub(connection: conn).recordLongAbsence(
                    .with {
                        $0.licenseNumber = license
                        $0.from = from
                        $0.until = until ?? ""
                        $0.reason = reason
                        $0.reference = reference
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "absence \(response.absenceID) recorded; \(response.proceedingsHandedOver) proceedings handed to the regional chamber"
                        + (response.jobID == 0 ? "" : "; transfer job \(response.jobID)"))
            }
        }
    }

    struct AbsenceReturn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "absence-return",
            abstract: "Record that an absent bailiff is back (Art. 148.1.9-2): from that day he may receive proceedings again."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number of the bailiff.") var license: String
        @Option(help: "The day he is back, YYYY-MM-DD.") var on: String
        @Option(help: "Reference of the document.") var reference: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProceedingsStub(connection: conn).recordReturnFromAbsence(
                    .with {
                        $0.licenseNumber = license
                        $0.on = on
                        $0.reference = reference
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("absence \(response.absenceID) from \(response.from) ended: back on \(response.returnedOn)")
            }
        }
    }
}

extension CasesCommand {
    struct ConfirmHandover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm-handover",
            abstract: "The regional chamber received a bailiff's proceedings and archive (Art. 148.1.9-2): his hand-over deadline closes."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number of the bailiff who handed over.") var license: String
        @Option(help: "Reference of the acceptance act.") var reference: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProceedingsStub(connection: conn).confirmHandover(
                    .with {
                        $0.licenseNumber = license
                        $0.reference = reference
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("hand-over of \(license) confirmed; \(response.closed) deadline(s) closed")
            }
        }
    }
}
