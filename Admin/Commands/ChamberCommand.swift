import ArgumentParser
import Licensing
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The Republican Chamber's records: membership (140.1, 172-1) and insurance (146).
struct ChamberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chamber", abstract: "The records practice rests on: membership, insurance, registration, other paid activity.",
        subcommands: [
            Admit.self, Expel.self, Leave.self, Members.self, Insure.self, Insurance.self, Place.self, Register.self, OtherActivity.self,
            ImportRecords.self, Train.self, Trainings.self, DuesPaid.self, DuesExempt.self, DuesStatus.self, LegalAidReport.self,
            Assistants.self, Documents.self,
        ])

    struct Admit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Admit a license holder and place him in a district (Republican Chamber; Art. 140.1, 163-1.1.3-2).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "District of placement.") var district: String
        @Option(help: "Admission decision reference.") var decision: String
        @Option(help: "Date admitted, YYYY-MM-DD (default: today).") var on: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ChamberStub(connection: conn).admitMember(
                    .with {
                        $0.licenseNumber = license
                        $0.district = district
                        $0.decision = decision
                        $0.admittedOn = on ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "license \(license) admitted to the Chamber on \(response.membership.admittedOn), placed in \(response.membership.district)"
                )
            }
        }
    }

    struct Expel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Expel a member (the Board; Art. 172-1). His proceedings go to his regional chamber; 170.1.4 also proposes deprivation.",
            discussion: "Grounds: " + ExpulsionGround.allCases.map { "\($0.rawValue) (\($0.article))" }.joined(separator: ", ")
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "Ground, e.g. duesArrears.") var ground: String
        @Option(help: "The Board's decision reference.") var decision: String
        @Option(help: "Date, YYYY-MM-DD (default: today).") var on: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ChamberStub(connection: conn).expelMember(
                    .with {
                        $0.licenseNumber = license
                        $0.ground = ground
                        $0.decision = decision
                        $0.on = on ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "license \(license) expelled on \(response.membership.endedOn) (Art. \(response.membership.expulsionLegalBasis)); his proceedings go to the regional chamber"
                )
            }
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a member left at his own will (Art. 172-1(5)).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "The member's application reference.") var application: String
        @Option(help: "Date, YYYY-MM-DD (default: today).") var on: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ChamberStub(connection: conn).leaveChamber(
                    .with {
                        $0.licenseNumber = license
                        $0.application = application
                        $0.on = on ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("license \(license) left the Chamber on \(response.membership.endedOn)")
            }
        }
    }

    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The memberships of a license holder.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await ChamberStub(connection: conn).listMemberships(
                    .with { $0.licenseNumber = license }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["DISTRICT", "ADMITTED", "STATUS", "ENDED", "ARTICLE", "DECISION"],
                    response.memberships.map {
                        [
                            $0.district, $0.admittedOn, $0.status, $0.endedOn, $0.expulsionLegalBasis,
                            $0.endDecision.isEmpty ? $0.admissionDecision : $0.endDecision,
                        ]
                    })
            }
        }
    }

    struct Insure: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a professional liability insurance contract (Art. 146).",
            discussion:
                "The minimum is 1,000 MCI in Astana, Almaty and Shymkent and 500 MCI elsewhere, at the MCI of the year the contract was concluded (146.2-1); a smaller contract is recorded and reported as not sufficient."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "Insurer.") var insurer: String
        @Option(help: "Contract number.") var contract: String
        @Option(help: "Date concluded, YYYY-MM-DD.") var concluded: String
        @Option(help: "First day of cover.") var from: String
        @Option(help: "Last day of cover.") var to: String
        @Option(help: "Sum insured in tenge.") var sum: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ChamberStub(connection: conn).recordInsuranceContract(
                    .with {
                        $0.licenseNumber = license
                        $0.insurer = insurer
                        $0.contractNumber = contract
                        $0.concludedOn = concluded
                        $0.validFrom = from
                        $0.validTo = to
                        $0.sumInsured = sum
                    }, options: options)
                if connection.json { return try Output.json(response) }
                let c = response.contract
                print(
                    "contract \(c.contractNumber) recorded: \(c.sumInsured) tenge, minimum \(c.minimum.isEmpty ? "unknown" : c.minimum): "
                        + (c.sufficient ? "sufficient" : "NOT sufficient (Art. 146.2-1)"))
            }
        }
    }

    struct Insurance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A bailiff's insurance contracts.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await ChamberStub(connection: conn).listInsuranceContracts(
                    .with { $0.licenseNumber = license }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["INSURER", "CONTRACT", "FROM", "TO", "SUM", "MINIMUM", "SUFFICIENT"],
                    response.contracts.map {
                        [$0.insurer, $0.contractNumber, $0.validFrom, $0.validTo, $0.sumInsured, $0.minimum, $0.sufficient ? "yes" : "NO"]
                    })
            }
        }
    }

    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a completed professional training (Art. 148.1.9-1).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "Date completed, YYYY-MM-DD.") var completed: String
        @Option(help: "Programme.") var programme: String
        @Option(help: "Certificate number.") var certificate: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ChamberStub(connection: conn).recordTraining(
                    .with {
                        $0.licenseNumber = license
                        $0.completedOn = completed
                        $0.programme = programme
                        $0.certificate = certificate
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("training \(response.training.certificate) of \(license) recorded (\(response.training.completedOn))")
            }
        }
    }

    struct Trainings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A bailiff's trainings and when the next one is due (148.1.9-1).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await ChamberStub(connection: conn).listTrainings(
                    .with { $0.licenseNumber = license }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["COMPLETED", "PROGRAMME", "CERTIFICATE"], response.trainings.map { [$0.completedOn, $0.programme, $0.certificate] })
                print(
                    response.dueBy.isEmpty
                        ? "next training: due date unknown until his membership is recorded" : "next training due by \(response.dueBy)")
            }
        }
    }

    struct DuesPaid: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dues-paid", abstract: "Record a quarter's dues paid (Art. 148.1.5-2).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "Quarter, e.g. 2026Q3.") var quarter: String
        @Option(help: "Payment reference.") var reference: String
        @Option(help: "Date paid (default: today).") var on: String?

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await ChamberStub(connection: conn).recordDuesPayment(
                    .with {
                        $0.licenseNumber = license
                        $0.quarter = quarter
                        $0.reference = reference
                        $0.paidOn = on ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "dues of \(quarter) recorded; in arrears: \(response.arrears.isEmpty ? "none" : response.arrears.joined(separator: ", "))"
                )
            }
        }
    }

    struct DuesExempt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dues-exempt", abstract: "Record a period exempt from dues: childCare or incapacity over a month (Art. 172-1(3)).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "childCare or incapacity.") var reason: String
        @Option(help: "First day.") var from: String
        @Option(help: "Last day.") var to: String
        @Option(help: "Document reference.") var reference: String

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await ChamberStub(connection: conn).recordDuesExemption(
                    .with {
                        $0.licenseNumber = license
                        $0.reason = reason
                        $0.from = from
                        $0.to = to
                        $0.reference = reference
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("exemption recorded; in arrears: \(response.arrears.isEmpty ? "none" : response.arrears.joined(separator: ", "))")
            }
        }
    }

    struct DuesStatus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dues", abstract: "A member's dues: paid quarters, exemptions, arrears.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await ChamberStub(connection: conn).listDues(
                    .with { $0.licenseNumber = license }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.fields([
                    ("Paid", response.paid.joined(separator: ", ")), ("In arrears", response.arrears.joined(separator: ", ")),
                    ("Exempt", response.exemptions.map { "\($0.reason) \($0.from)–\($0.to)" }.joined(separator: "; ")),
                ])
            }
        }
    }

    struct LegalAidReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "legal-aid",
            abstract: "Submit a month's legal-aid report (Art. 103-1.4): the bailiff himself, or his regional chamber.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "Month, e.g. 2026-07.") var month: String
        @Option(help: "Consultations given.") var consultations: UInt32

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await ChamberStub(connection: conn).recordLegalAidReport(
                    .with {
                        $0.licenseNumber = license
                        $0.month = month
                        $0.consultations = consultations
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "legal-aid report of \(month) recorded on \(response.submittedOn)"
                        + (response.late ? ", LATE (due \(response.dueOn), Art. 103-1.4)" : ""))
            }
        }
    }
}
