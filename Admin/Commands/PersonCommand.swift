import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Register and look up persons.",
        subcommands: [Register.self, Show.self, RecordFact.self, EndFact.self, CorrectFact.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a person with the facts Art. 140 is checked against.",
            discussion: """
                --fact KIND:FROM[:TO][:GROUND] may repeat. Kinds: \(PersonFactKinds.names).
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

        static func parseFact(_ text: String) throws -> WirePersonFact {
            let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, let kind = PersonFactKinds.byName[parts[0]] else {
                throw ValidationError("--fact '\(text)': expected KIND:FROM[:TO][:GROUND] with a kind of \(PersonFactKinds.names)")
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
                Output.fields([
                    ("IIN", p.iin), ("Name", [p.surname, p.givenName, p.patronymic].filter { !$0.isEmpty }.joined(separator: " ")),
                    ("District", p.residenceDistrict), ("Facts in force", "\(p.facts.count)"),
                ])
                guard !response.history.isEmpty else { return }
                print("")
                Output.table(
                    ["ENTRY", "CHANGE", "KIND", "FROM", "TO", "DETAIL", "SOURCE", "RECORDED BY"],
                    response.history.map { e in
                        let change =
                            switch e.change {
                            case .ends: "ends #\(e.target)"
                            case .corrects: "corrects #\(e.target): \(e.reason)"
                            case .withdraws: "withdraws #\(e.target): \(e.reason)"
                            default: "records"
                            }
                        return [
                            "\(e.id)", change, PersonFactKinds.name(e.fact.kind), e.fact.from, e.fact.to,
                            [e.fact.ground, e.fact.value, e.fact.reference].filter { !$0.isEmpty }.joined(separator: " "), e.source,
                            e.recordedBy,
                        ]
                    })
            }
        }
    }
}

/// The CLI's names of the fact kinds (kebab-case, as the flags spell them).
enum PersonFactKinds {
    static let byName: [String: WirePersonFactKind] = [
        "citizenship": .citizenship, "incapacity": .incapacity, "conviction": .conviction,
        "release-from-criminal-liability": .releaseFromCriminalLiability, "negative-dismissal": .negativeDismissal,
        "judicial-release": .judicialRelease, "admin-corruption-penalty": .adminCorruptionPenalty,
        "mental-health-registration": .mentalHealthRegistration, "license-deprivation": .licenseDeprivation,
        "death": .death, "compulsory-medical-measures": .compulsoryMedicalMeasures, "residence": .residence, "education": .education,
        "state-bailiff-service": .stateBailiffService,
    ]
    static var names: String { byName.keys.sorted().joined(separator: ", ") }

    static func name(_ kind: WirePersonFactKind) -> String { byName.first { $0.value == kind }?.key ?? "\(kind)" }

    static func parse(_ name: String) throws -> WirePersonFactKind {
        guard let kind = byName[name] else { throw ValidationError("--kind '\(name)' is not one of \(names)") }
        return kind
    }
}

/// The options that describe one fact, shared by record-fact and correct-fact.
struct FactOptions: ParsableArguments {
    @Option(help: "The kind of fact (see `person register --help`).") var kind: String?
    @Option(help: "The day it happened or began, YYYY-MM-DD.") var from: String?
    @Option(help: "The day a period ended, when already known.") var to: String?
    @Option(help: "The legal ground, e.g. 'CPC 35.1(3)'.") var ground: String?
    @Option(help: "residence: the district code; education: higher-legal, legal-not-higher or other.") var value: String?
    @Option(help: "The document's number.") var reference: String?

    func fact() throws -> WirePersonFact {
        guard let kind, let from else { throw ValidationError("give the fact with --kind and --from") }
        var fact = WirePersonFact()
        fact.kind = try PersonFactKinds.parse(kind)
        fact.from = from
        fact.to = to ?? ""
        fact.ground = ground ?? ""
        let educations = ["higher-legal": "higherLegal", "legal-not-higher": "legalNotHigher", "other": "other"]
        fact.value = fact.kind == .education ? (educations[value ?? ""] ?? value ?? "") : (value ?? "")
        fact.reference = reference ?? ""
        return fact
    }
}

extension PersonCommand {
    struct RecordFact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-fact",
            abstract: "Record a fact learned after registration (a conviction, a death, a move …) (167(11-1)).",
            discussion:
                "Example: person record-fact 900101300123 --kind conviction --from 2027-03-01 --reference 1-234/2027 --source 'Almaty city court'"
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "IIN.") var iin: String
        @OptionGroup var fact: FactOptions
        @Option(help: "The body and document the fact comes from.") var source: String
        @Option(help: "Idempotency key: a retry with the same key changes nothing.") var idempotencyKey: String?

        func run() async throws {
            var request = WireRecordPersonFactRequest()
            request.iin = iin
            request.fact = try fact.fact()
            request.source = source
            try await PersonCommand.send(connection, idempotencyKey) { try await $0.recordPersonFact(request, options: $1) }
        }
    }

    struct EndFact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end-fact",
            abstract: "Record the end of a period fact: an expungement, a restoration, a removal, the loss of citizenship.",
            discussion: "Example: person end-fact 900101300123 --entry 7 --on 2031-03-01 --source 'court ruling 2-55/2031'"
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "IIN.") var iin: String
        @Option(help: "The entry of the period fact that ended (see `person show`).") var entry: Int64
        @Option(help: "The day it ended, YYYY-MM-DD.") var on: String
        @Option(help: "The document's number.") var reference: String?
        @Option(help: "The body and document the end comes from.") var source: String
        @Option(help: "Idempotency key: a retry with the same key changes nothing.") var idempotencyKey: String?

        func run() async throws {
            var request = WireRecordPersonFactRequest()
            request.iin = iin
            request.ends = entry
            request.fact.from = on
            request.fact.reference = reference ?? ""
            request.source = source
            try await PersonCommand.send(connection, idempotencyKey) { try await $0.recordPersonFact(request, options: $1) }
        }
    }

    struct CorrectFact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct-fact",
            abstract: "Supersede an entry recorded wrongly by the corrected fact, or withdraw it; the history keeps both.",
            discussion:
                "Example: person correct-fact 900101300123 --entry 7 --kind conviction --from 2027-03-11 --reason 'date misread' --source 'verdict 1-234/2027'"
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "IIN.") var iin: String
        @Option(help: "The entry corrected (see `person show`).") var entry: Int64
        @OptionGroup var fact: FactOptions
        @Flag(help: "Withdraw the entry: it was recorded in error and nothing replaces it.") var withdraw = false
        @Option(help: "Why the entry is corrected or withdrawn.") var reason: String
        @Option(help: "The body and document the correction comes from.") var source: String
        @Option(help: "Idempotency key: a retry with the same key changes nothing.") var idempotencyKey: String?

        func run() async throws {
            var request = WireCorrectPersonFactRequest()
            request.iin = iin
            request.entry = entry
            if !withdraw { request.fact = try fact.fact() }
            request.reason = reason
            request.source = source
            try await PersonCommand.send(connection, idempotencyKey) { try await $0.correctPersonFact(request, options: $1) }
        }
    }

    static func send(
        _ connection: ConnectionOptions, _ key: String?,
        _ call: (RegistryStub, CallOptions) async throws -> WirePersonFactResponse
    ) async throws {
        try await connection.mutate(key) { conn, options in
            let response = try await call(RegistryStub(connection: conn), options)
            if connection.json { return try Output.json(response) }
            print("entry \(response.entry) recorded; \(response.person.facts.count) fact(s) in force")
        }
    }
}
