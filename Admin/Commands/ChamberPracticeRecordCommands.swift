import ArgumentParser
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The records practice rests on besides membership and insurance: the territorial body's
/// registration (168.1.4) and other paid activity (149), and the Ministry's bulk import of
/// the records of bailiffs licensed before the registry kept them.
extension ChamberCommand {
    struct Place: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-place a member in another district without a new license (Republican Chamber; Art. 142.4, 163-1.1.3-2).",
            discussion: "What he holds in the old district goes to its regional chamber for transfer (trigger rePlaced)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "The new district.") var district: String
        @Option(help: "Placement decision reference.") var decision: String
        @Option(help: "First day there, YYYY-MM-DD (default: today).") var from: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ChamberStub(connection: conn).placeMember(
                    .with {
                        $0.licenseNumber = license
                        $0.district = district
                        $0.decision = decision
                        $0.from = from ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("license \(license) placed in \(response.membership.district); same license, no new one (Art. 142.4)")
            }
        }
    }

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the territorial body's accounting registration of a bailiff (Art. 168.1.4); he may practise from that day."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "The registration's number or order.") var reference: String
        @Option(help: "Date registered, YYYY-MM-DD (default: today).") var on: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ChamberStub(connection: conn).recordAccountingRegistration(
                    .with {
                        $0.licenseNumber = license
                        $0.reference = reference
                        $0.registeredOn = on ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "license \(license) registered by the territorial body of \(response.registration.region) on \(response.registration.registeredOn)"
                )
            }
        }
    }

    struct OtherActivity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "other-activity",
            abstract:
                "Record paid work besides practice (Art. 149): scientific, teaching and creative work is allowed; any other bars practice.",
            discussion:
                "Kinds: scientific, teaching, creative, other. An `other` activity bars practice while it lasts, becomes a 144.2.6 deprivation draft at the next monitor run, and allows an expulsion on 172-1(4)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "scientific, teaching, creative or other.") var kind: String
        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Day it ended, if it has.") var to: String?
        @Option(help: "What the activity is.") var description: String
        @Option(help: "The act that established it.") var source: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ChamberStub(connection: conn).recordOtherPaidActivity(
                    .with {
                        $0.licenseNumber = license
                        $0.kind = kind
                        $0.from = from
                        $0.to = to ?? ""
                        $0.description_p = description
                        $0.source = source
                    }, options: options)
                if connection.json { return try Output.json(response) }
                let a = response.activity
                print(
                    "activity \(a.id) recorded: \(a.kind) from \(a.from)"
                        + (a.allowed ? " (allowed by Art. 149)" : "; he may not practise while it lasts (Art. 149)"))
            }
        }
    }

    struct ImportRecords: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-records",
            abstract:
                "Ministry: bring in memberships, insurance contracts and registrations of bailiffs licensed before the registry kept them.",
            discussion: """
                CSV with a header row; columns in any order: \(columns.joined(separator: ", ")).
                `record` is membership (license_number, date = admitted, district, decision), insurance (license_number,
                date = concluded and first day of cover, insurer, contract_number, valid_to, sum_insured) or registration
                (license_number, date = registered, reference). Each record is checked as its own command checks it;
                refused ones are listed with their line.
                """
        )

        static let columns = [
            "record", "license_number", "date", "district", "decision", "insurer", "contract_number", "valid_to", "sum_insured",
            "reference",
        ]

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "Where the records come from, e.g. \"Chamber member list of 2026-11-30\".") var historicalSource: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw ValidationError("cannot read \(file): \(error.localizedDescription)")
            }
            let (lines, records) = try Self.parse(text)
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ChamberStub(connection: conn).importPracticeRecords(
                    .with {
                        $0.records = records
                        $0.historicalSource = historicalSource
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("imported \(response.accepted) of \(records.count) records")
                for refused in response.refused {
                    print(
                        "line \(lines[Int(refused.index)]): \(refused.reason): \(refused.message)"
                            + (refused.legalBasis.isEmpty ? "" : " (Art. \(refused.legalBasis))"))
                }
            }
        }

        static func parse(_ text: String) throws -> (lines: [Int], records: [WirePracticeRecord]) {
            let rows: [CSVReader.Record]
            do { rows = try CSVReader.records(text) } catch let error as CSVReader.Malformed {
                throw ValidationError("line \(error.line): \(error.description)")
            }
            guard let header = rows.first else { throw ValidationError("the file is empty") }
            let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let unknown = names.filter { !columns.contains($0) }
            guard unknown.isEmpty else {
                throw ValidationError(
                    "line 1: unknown columns \(unknown.joined(separator: ", ")); known: \(columns.joined(separator: ", "))")
            }
            var lines: [Int] = []
            var records: [WirePracticeRecord] = []
            for row in rows.dropFirst() {
                guard row.fields.count == names.count else {
                    throw ValidationError("line \(row.line): \(row.fields.count) fields, the header has \(names.count)")
                }
                let cell = Dictionary(uniqueKeysWithValues: zip(names, row.fields))
                func v(_ name: String) -> String { cell[name] ?? "" }
                var record = WirePracticeRecord()
                switch v("record") {
                case "membership":
                    record.membership = .with {
                        $0.licenseNumber = v("license_number")
                        $0.admittedOn = v("date")
                        $0.district = v("district")
                        $0.decision = v("decision")
                    }
                case "insurance":
                    record.insurance = .with {
                        $0.licenseNumber = v("license_number")
                        $0.concludedOn = v("date")
                        $0.validFrom = v("date")
                        $0.validTo = v("valid_to")
                        $0.insurer = v("insurer")
                        $0.contractNumber = v("contract_number")
                        $0.sumInsured = v("sum_insured")
                    }
                case "registration":
                    record.registration = .with {
                        $0.licenseNumber = v("license_number")
                        $0.registeredOn = v("date")
                        $0.reference = v("reference")
                    }
                default:
                    throw ValidationError("line \(row.line): record must be membership, insurance or registration, not '\(v("record"))'")
                }
                lines.append(row.line)
                records.append(record)
            }
            return (lines, records)
        }
    }
}
