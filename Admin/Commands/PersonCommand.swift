import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Register and look up persons.",
                                                    subcommands: [Register.self, Show.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a person with the facts Art. 140 is checked against.",
            discussion: """
            --fact KIND:FROM[:TO][:GROUND] may repeat. Kinds: citizenship, incapacity, conviction,
            release-from-criminal-liability, negative-dismissal, judicial-release,
            admin-corruption-penalty, mental-health-registration, license-deprivation.
            Example: --fact citizenship:1990-05-01 --fact conviction:2010-01-10:2015-01-10
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "IIN, 12 digits.") var iin: String
        @Option(help: "Surname.") var surname: String
        @Option(help: "Given name.") var givenName: String
        @Option(help: "Patronymic, if the identity document has one.") var patronymic: String?
        @Option(help: "District code of residence (see `registry-admin districts`).") var district: String
        @Option(help: "higher-legal, legal-not-higher or other.") var education: String
        @Option(help: "A dated fact KIND:FROM[:TO][:GROUND].") var fact: [String] = []
        @Option(help: "Idempotency key: a retry with the same key changes nothing.") var idempotencyKey: String?

        func run() async throws {
            var request = WireRegisterPersonRequest()
            request.iin = iin
            request.surname = surname
            request.givenName = givenName
            request.patronymic = patronymic ?? ""
            request.residenceDistrict = district
            switch education {
            case "higher-legal": request.education = .higherLegal
            case "legal-not-higher": request.education = .legalNotHigher
            case "other": request.education = .other
            default: throw ValidationError("--education must be higher-legal, legal-not-higher or other")
            }
            request.facts = try fact.map(Self.parseFact)
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await RegistryStub(connection: conn).registerPerson(request, options: options)
                if connection.json { return try Output.json(response) }
                print("registered \(response.person.surname) \(response.person.givenName) (\(response.person.iin))")
            }
        }

        static let kinds: [String: WirePersonFactKind] = [
            "citizenship": .citizenship, "incapacity": .incapacity, "conviction": .conviction,
            "release-from-criminal-liability": .releaseFromCriminalLiability, "negative-dismissal": .negativeDismissal,
            "judicial-release": .judicialRelease, "admin-corruption-penalty": .adminCorruptionPenalty,
            "mental-health-registration": .mentalHealthRegistration, "license-deprivation": .licenseDeprivation,
        ]

        static func parseFact(_ text: String) throws -> WirePersonFact {
            let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, let kind = kinds[parts[0]] else {
                throw ValidationError("--fact '\(text)': expected KIND:FROM[:TO][:GROUND] with a kind of \(kinds.keys.sorted().joined(separator: ", "))")
            }
            var fact = WirePersonFact()
            fact.kind = kind
            fact.from = parts[1]
            if parts.count > 2 { fact.to = parts[2] }
            if parts.count > 3 { fact.ground = parts[3] }
            return fact
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a registered person.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "IIN.") var iin: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await RegistryStub(connection: conn).getPerson(.with { $0.iin = iin }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                let p = response.person
                Output.fields([("IIN", p.iin), ("Name", [p.surname, p.givenName, p.patronymic].filter { !$0.isEmpty }.joined(separator: " ")),
                               ("District", p.residenceDistrict), ("Facts", "\(p.facts.count)")])
            }
        }
    }
}
