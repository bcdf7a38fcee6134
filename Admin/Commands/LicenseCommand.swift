import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

struct LicenseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "license", abstract: "The State Register of licenses.",
        subcommands: [
            Issue.self, Show.self, History.self, List.self, StatusAt.self, MayPractise.self, Deadlines.self,
            Suspend.self, SuspendDeputy.self, Reinstate.self, Resume.self, RefuseReinstatement.self,
            Terminate.self, FileClaim.self, CourtDecision.self, Annul.self,
        ])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a license (Ministry only, Art. 142.1).",
            discussion: """
                The basis is read from the registry: a passed attestation after a completed internship (`candidate …`), or an exemption
                recorded with `candidate exemption` (142.5). Only to import a license issued before the registry, give --historical-source
                with --attestation REF and --internship REF, or --exemption GROUND and --evidence TEXT.
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Holder's IIN (registered with `person register`).") var iin: String
        @Option(help: "Enforcement district code where the holder will practise.") var district: String
        @Option(help: "Issue date YYYY-MM-DD (default: today in Kazakhstan).") var date: String?
        @Option(help: "Reference of the attestation commission's 'passed' decision.") var attestation: String?
        @Option(help: "Reference of the completed internship.") var internship: String?
        @Option(help: "Exemption ground: \(ExemptionArgument.allCases.map(\.rawValue).joined(separator: ", ")).") var exemption: String?
        @Option(help: "Evidence of the exemption.") var evidence: String?
        @Flag(help: "The license fee of Art. 142.3 has been paid.") var feePaid = false
        @Option(help: "Where a license issued before the registry comes from (with an explicit basis).") var historicalSource: String?
        @Option(help: "Idempotency key: a retry with the same key returns the first license.") var idempotencyKey: String?

        func run() async throws {
            var request = WireIssueLicenseRequest()
            request.holderIin = iin
            request.district = district
            request.issueDate = date ?? ""
            request.licenseFeePaid = feePaid
            request.historicalSource = historicalSource ?? ""
            switch (attestation, exemption) {
            case (let reference?, nil):
                request.basis.attestationReference = reference
                request.basis.evidence = internship ?? ""
            case (nil, let ground?):
                guard let parsed = ExemptionArgument(rawValue: ground) else {
                    throw ValidationError(
                        "--exemption must be one of \(ExemptionArgument.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                request.basis.exemption = parsed.wire
                request.basis.evidence = evidence ?? ""
            case (nil, nil): break  // the server names what is missing, with the article
            default: throw ValidationError("give --attestation or --exemption, not both")
            }
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await LicensingStub(connection: conn).issueLicense(request, options: options)
                if connection.json { return try Output.json(response) }
                print("issued license \(response.license.number) to \(response.license.holderName) on \(response.license.issuedOn)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a license with its history.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number, YYYY-NNNNNN.") var number: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await LicensingStub(connection: conn).getLicense(
                    .with { $0.number = number }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Render.license(response.license)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List licenses, filtered and paged.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "active, suspended, terminated or deprived.") var status: String?
        @Option(help: "District code.") var district: String?
        @Option(help: "Prefix of the holder's surname (case-insensitive).") var holder: String?
        @Option(help: "Rows per page (1–500).") var pageSize: UInt32 = 50
        @Option(help: "Continue from a page token printed by an earlier call.") var pageToken: String?
        @Flag(help: "Follow page tokens to the end.") var all = false

        func run() async throws {
            var request = WireListLicensesRequest()
            if let status {
                let map: [String: WireLicenseStatus] = [
                    "active": .active, "suspended": .suspended, "terminated": .terminated, "deprived": .deprived,
                ]
                guard let parsed = map[status] else { throw ValidationError("--status must be active, suspended, terminated or deprived") }
                request.status = parsed
            }
            request.district = district ?? ""
            request.holderPrefix = holder ?? ""
            request.pageSize = pageSize
            request.pageToken = pageToken ?? ""
            try await connection.run { conn in
                let stub = LicensingStub(connection: conn)
                var licenses: [WireLicense] = []
                var response = try await stub.listLicenses(request, options: connection.callOptions)
                licenses += response.licenses
                while all, !response.nextPageToken.isEmpty {
                    request.pageToken = response.nextPageToken
                    response = try await stub.listLicenses(request, options: connection.callOptions)
                    licenses += response.licenses
                }
                if connection.json {
                    var merged = WireListLicensesResponse()
                    merged.licenses = licenses
                    merged.nextPageToken = response.nextPageToken
                    return try Output.json(merged)
                }
                Output.table(
                    ["NUMBER", "HOLDER", "DISTRICT", "ISSUED", "STATUS"],
                    licenses.map {
                        [$0.number, $0.holderName, $0.district, $0.issuedOn, Render.status($0.status)]
                    })
                if !response.nextPageToken.isEmpty { print("more: --page-token \(response.nextPageToken)") }
            }
        }
    }
}
