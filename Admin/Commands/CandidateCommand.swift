import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The way to a license: internships (156.3) and applications for attestation (141-1.2–4).
struct CandidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidate", abstract: "Internships and attestation applications.",
        subcommands: [
            Intern.self, EndInternship.self, Apply.self, Return.self, Review.self, Applications.self,
            Session.self, Invite.self, Result.self, Absence.self, Minutes.self, Gaps.self, Exemption.self,
        ])

    struct Intern: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start an internship with a host bailiff of at least 3 years (Art. 156.3).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The intern's IIN.") var iin: String
        @Option(help: "The host's license number.") var host: String
        @Option(help: "First day (default: today).") var from: String?

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).startInternship(
                    .with {
                        $0.internIin = iin
                        $0.hostLicense = host
                        $0.startedOn = from ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("internship \(response.internship.id) started on \(response.internship.startedOn) with \(host)")
            }
        }
    }

    struct EndInternship: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end-internship", abstract: "Record an internship completed (--completed) or interrupted.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Internship id.") var id: Int64
        @Flag(help: "Completed (default: interrupted).") var completed = false
        @Option(help: "The certificate, or the reason of the interruption.") var evidence: String
        @Option(help: "Last day (default: today).") var on: String?

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).endInternship(
                    .with {
                        $0.id = id
                        $0.completed = completed
                        $0.evidence = evidence
                        $0.on = on ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("internship \(id) \(response.internship.status) on \(response.internship.endedOn)")
            }
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Receive an application for attestation (territorial body of the candidate's residence; Art. 141-1.2).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The candidate's IIN.") var iin: String
        @Option(help: "Date received (default: today).") var received: String?

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).submitApplication(
                    .with {
                        $0.candidateIin = iin
                        $0.receivedOn = received ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                let a = response.application
                print(
                    "application \(a.id) received \(a.receivedOn): return an incomplete one by \(a.returnDueOn) (141-1.3), decide by \(a.decisionDueOn) (141-1.4)"
                )
            }
        }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Return an incomplete application with written reasons, within 5 working days (Art. 141-1.3).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Application id.") var id: Int64
        @Option(help: "What is missing or malformed.") var reasons: String

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).returnApplication(
                    .with {
                        $0.id = id
                        $0.reasons = reasons
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("application \(id) returned as incomplete on \(response.application.decidedOn)")
            }
        }
    }

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the candidate against Art. 140 today: refused with reasons, or admitted (Art. 141-1.4).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Application id.") var id: Int64

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).reviewApplication(.with { $0.id = id }, options: options)
                if connection.json { return try Output.json(response) }
                let a = response.application
                print(
                    "application \(id): \(a.status)" + (a.late ? " (late: due \(a.decisionDueOn))" : "")
                        + (a.reasons.isEmpty ? "" : "\n\(a.reasons) (Art. \(a.legalBasis))"))
            }
        }
    }

    struct Applications: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Applications of your region; --overdue-on DATE for those undecided past 15 working days.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "List only those overdue on this day.") var overdueOn: String?

        func run() async throws {
            try await connection.run { conn in
                let response = try await CandidatesStub(connection: conn).listApplications(
                    .with { $0.overdueOn = overdueOn ?? "" }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["ID", "REGION", "RECEIVED", "DECIDE BY", "STATUS", "DECIDED"],
                    response.applications.map {
                        [String($0.id), $0.region, $0.receivedOn, $0.decisionDueOn, $0.status + ($0.late ? " (late)" : ""), $0.decidedOn]
                    })
            }
        }
    }
}
