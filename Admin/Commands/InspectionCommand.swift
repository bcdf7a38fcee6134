import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// Inspections (169) and violations (the facts of 143.2.2, 143.2.6, 144.2.1).
struct InspectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspection", abstract: "Inspections of bailiffs and the violations found.",
        subcommands: [
            Schedule.self, RequestDocuments.self, Complete.self, Violation.self, List.self,
            Complain.self, CloseComplaint.self, Complaints.self, Plan.self,
        ])

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule an inspection (Art. 169.4).",
            discussion:
                "plannedFirst: 6 to 12 months after admission; plannedAnnual: once a year; unscheduled: territorial body or regional chamber, with --trigger."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "plannedFirst, plannedAnnual or unscheduled.") var kind: String
        @Option(help: "Date, YYYY-MM-DD.") var on: String
        @Option(help: "The complaint or information behind an unscheduled inspection.") var trigger: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await InspectionsStub(connection: conn).scheduleInspection(
                    .with {
                        $0.licenseNumber = license
                        $0.kind = kind
                        $0.scheduledOn = on
                        $0.trigger = trigger ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "inspection \(response.inspection.id) of \(license) scheduled on \(response.inspection.scheduledOn) (\(response.inspection.kind))"
                )
            }
        }
    }

    struct RequestDocuments: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request-documents", abstract: "Request documents; due at least 5 working days later (Art. 169.5).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Inspection id.") var inspection: Int64
        @Option(help: "Due date, YYYY-MM-DD.") var due: String
        @Option(help: "What is requested.") var subject: String
        @Option(help: "Date sent (default: today).") var sent: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await InspectionsStub(connection: conn).requestDocuments(
                    .with {
                        $0.inspectionID = inspection
                        $0.dueOn = due
                        $0.subject = subject
                        $0.sentOn = sent ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("document request \(response.id) recorded, due \(due)")
            }
        }
    }

    struct Complete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Complete an inspection with its findings; --violation DATE:TEXT for each violation found.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Inspection id.") var inspection: Int64
        @Option(help: "The findings.") var findings: String
        @Option(help: "A violation found: YYYY-MM-DD:description (repeatable).") var violation: [String] = []
        @Option(help: "Date completed (default: today).") var on: String?
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            let found = try violation.map { text -> WireFoundViolation in
                guard text.count > 11, text.dropFirst(10).first == ":" else {
                    throw ValidationError("--violation must be YYYY-MM-DD:description, got '\(text)'")
                }
                return .with {
                    $0.committedOn = String(text.prefix(10))
                    $0.description_p = String(text.dropFirst(11))
                }
            }
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await InspectionsStub(connection: conn).completeInspection(
                    .with {
                        $0.id = inspection
                        $0.findings = findings
                        $0.violations = found
                        $0.completedOn = on ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("inspection \(inspection) completed on \(response.inspection.completedOn); \(found.count) violation(s) recorded")
            }
        }
    }

    struct Violation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a violation established by a court act, a prosecutor's act or a complaint decision.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "Date committed.") var committed: String
        @Option(help: "Date established.") var established: String
        @Option(help: "The act that established it.") var source: String
        @Option(help: "What was violated.") var description: String
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await InspectionsStub(connection: conn).recordViolation(
                    .with {
                        $0.licenseNumber = license
                        $0.committedOn = committed
                        $0.establishedOn = established
                        $0.source = source
                        $0.description_p = description
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("violation \(response.violation.id) of \(license) recorded")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A bailiff's inspections and violations.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await InspectionsStub(connection: conn).listInspections(
                    .with { $0.licenseNumber = license }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["ID", "KIND", "ON", "STATUS", "FINDINGS"],
                    response.inspections.map { [String($0.id), $0.kind, $0.scheduledOn, $0.status, $0.findings] })
                print("\nViolations")
                Output.table(
                    ["COMMITTED", "ESTABLISHED", "SOURCE", "DESCRIPTION"],
                    response.violations.map { [$0.committedOn, $0.establishedOn, $0.source, $0.description_p] })
            }
        }
    }

    struct Complain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complaint",
            abstract:
                "Record a complaint about a bailiff; it is routed to his district's regional chamber and territorial body (Art. 162.1.2-2, 168.2.4)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String
        @Option(help: "Who complains.") var complainant: String
        @Option(help: "What about.") var summary: String
        @Option(help: "Date received (default: today).") var received: String?

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await InspectionsStub(connection: conn).recordComplaint(
                    .with {
                        $0.licenseNumber = license
                        $0.complainant = complainant
                        $0.summary = summary
                        $0.receivedOn = received ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("complaint \(response.complaint.id) recorded and routed to the bodies of \(response.complaint.district)")
            }
        }
    }

    struct CloseComplaint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close-complaint", abstract: "Close a complaint with its outcome and what it led to.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Complaint id.") var id: Int64
        @Option(help: "Outcome.") var outcome: String
        @Option(help: "Unscheduled inspection opened on it.") var inspection: Int64?
        @Option(help: "Disciplinary proceeding opened on it.") var proceeding: Int64?

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await InspectionsStub(connection: conn).closeComplaint(
                    .with {
                        $0.id = id
                        $0.outcome = outcome
                        $0.inspectionID = inspection ?? 0
                        $0.disciplinaryProceedingID = proceeding ?? 0
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("complaint \(id) closed")
            }
        }
    }

    struct Complaints: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Complaints about a bailiff.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var license: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await InspectionsStub(connection: conn).listComplaints(
                    .with { $0.licenseNumber = license }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["ID", "RECEIVED", "FROM", "STATUS", "OUTCOME"],
                    response.complaints.map { [String($0.id), $0.receivedOn, $0.complainant, $0.status, $0.outcome] })
            }
        }
    }

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule-due", abstract: "Every member's next planned inspection (Art. 169.4); --overdue for the overdue ones.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "As of (default: today).") var asOf: String?
        @Flag(help: "Only the overdue ones.") var overdue = false

        func run() async throws {
            try await connection.run { conn in
                let response = try await InspectionsStub(connection: conn).inspectionSchedule(
                    .with {
                        $0.asOf = asOf ?? ""
                        $0.overdueOnly = overdue
                    }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["LICENSE", "DISTRICT", "KIND", "FROM", "BY", "STATE"],
                    response.inspections.map {
                        [$0.licenseNumber, $0.district, $0.kind, $0.earliest, $0.latest, $0.overdue ? "OVERDUE" : "due"]
                    })
            }
        }
    }
}
