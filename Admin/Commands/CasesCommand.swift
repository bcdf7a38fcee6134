import ArgumentParser
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// Enforcement proceedings: intake, look-up, and why each is held where it is.
struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases", abstract: "Enforcement proceedings and their transfers.",
        subcommands: [
            Import.self, List.self, Show.self, Explain.self, Transfers.self, ResumeJob.self, Replace.self, Replacements.self,
            ReturnToCreditor.self, Relocate.self, Absence.self, AbsenceReturn.self, ConfirmHandover.self, Measure.self,
        ])

    /// The columns (CSV header, NDJSON keys), as the wire record names them.
    static let columns = [
        "number", "document_kind", "document_reference", "debtor_kind", "subject", "in_favour_of_state", "category",
        "creditor_kind", "creditor_name", "creditor_identifier", "creditor_contact",
        "debtor_party_kind", "debtor_name", "debtor_identifier", "debtor_contact", "debtor_district", "debtor_unit",
        "amount", "opened_on", "holder_license", "advance_paid", "advance_used", "last_measure_on",
    ]

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List proceedings, filtered and paged.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "License number of the holder.") var holder: String?
        @Flag(help: "Only those the regional chamber holds.") var chamber = false
        @Option(help: "District code.") var district: String?
        @Option(help: "sociallySignificant, stateRevenue or other.") var category: String?
        @Option(help: "Rows per page (1–500).") var pageSize: UInt32 = 50
        @Option(help: "Continue from a page token.") var pageToken: String?

        func run() async throws {
            try await connection.run { conn in
                let response = try await ProceedingsStub(connection: conn).listProceedings(
                    .with {
                        $0.holderLicense = holder ?? ""
                        $0.heldByChamber = chamber
                        $0.district = district ?? ""
                        $0.category = category ?? ""
                        $0.pageSize = pageSize
                        $0.pageToken = pageToken ?? ""
                    }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["NUMBER", "HOLDER", "CATEGORY", "AMOUNT", "DEBTOR", "OPENED"],
                    response.proceedings.map {
                        [$0.record.number, $0.holder, $0.record.category, $0.record.amount, $0.record.debtorName, $0.record.openedOn]
                    })
                if !response.nextPageToken.isEmpty { print("more: --page-token \(response.nextPageToken)") }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a proceeding and every change of its holder.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proceeding number.") var number: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await ProceedingsStub(connection: conn).getProceeding(
                    .with { $0.number = number }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                let r = response.proceeding.record
                Output.fields([
                    ("Number", r.number), ("Holder", response.proceeding.holder), ("District", response.proceeding.district),
                    ("Document", "\(r.documentKind) \(r.documentReference)"), ("Category", r.category), ("Amount", r.amount),
                    ("Creditor", r.creditorName), ("Debtor", "\(r.debtorName), \(r.debtorDistrict) \(r.debtorUnit)"),
                    ("Opened", r.openedOn), ("Advance", "\(r.advancePaid) paid, \(r.advanceUsed) used"),
                    ("Status", response.proceeding.status),
                ])
                print("\nHolders")
                Output.table(
                    ["AT", "HOLDER", "WHY", "JOB"],
                    response.assignments.map {
                        [
                            Render.moment(Date(timeIntervalSince1970: Double($0.atMs) / 1000)), $0.holder, $0.reason,
                            $0.jobID == 0 ? "" : String($0.jobID),
                        ]
                    })
            }
        }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Why a proceeding went to its bailiff: policy, candidates and their loads, seed (123.6.2).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proceeding number.") var number: String

        func run() async throws {
            try await connection.run { conn in
                let r = try await ProceedingsStub(connection: conn).explainAssignment(
                    .with { $0.number = number }, options: connection.callOptions)
                if connection.json { return try Output.json(r) }
                print("\(number): held by \(r.proceeding.holder)")
                guard !r.policyVersion.isEmpty else {
                    return print(
                        "no reassignment decided for it; holders: \(r.assignments.map { "\($0.holder) (\($0.reason))" }.joined(separator: " → "))"
                    )
                }
                print("transfer after \(r.trigger), policy \(r.policyVersion), seed \(r.seed), \(r.candidateCount) eligible bailiffs")
                print(
                    r.outcome == "assigned" ? "receiver: \(r.receiverName), IIN \(r.receiverIin), license \(r.receiverLicense)" : r.outcome)
                if !r.quarantine.isEmpty { print("quarantined: \(r.quarantine)") }
                if !r.replayMatches { print("warning: the replayed choice differs from the receiver recorded at the time") }
                Output.table(["CANDIDATE", "LOAD"], r.loads.map { [$0.license, String($0.load)] })
                if !r.excluded.isEmpty {
                    print("\nNot receivers")
                    Output.table(["BAILIFF", "WHY NOT"], r.excluded.map { [$0.license, $0.reasons.joined(separator: "; ")] })
                }
            }
        }
    }

    struct Transfers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Transfer jobs after a bailiff lost the right to act.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "License number of the outgoing bailiff.") var license: String?
        @Option(help: "reassigning, completed, blocked or cancelled.") var state: String?

        func run() async throws {
            try await connection.run { conn in
                let response = try await ProceedingsStub(connection: conn).listTransferJobs(
                    .with {
                        $0.licenseNumber = license ?? ""
                        $0.state = state ?? ""
                    }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["JOB", "LICENSE", "TRIGGER", "DISTRICT", "STATE", "MOVED", "STRANDED", "QUARANTINED", "TOTAL"],
                    response.jobs.map {
                        let trigger = $0.triggerEntry != 0 ? "#\($0.triggerEntry) \($0.trigger)" : "\($0.trigger) \($0.triggerReference)"
                        return [
                            String($0.id), $0.licenseNumber, trigger, $0.district, $0.state, String($0.reassigned), String($0.stranded),
                            String($0.quarantined), String($0.total),
                        ]
                    })
                for job in response.jobs {
                    if !job.lastError.isEmpty { print("job \(job.id) waits after a failure: \(job.lastError)") }
                    for item in job.quarantine { print("job \(job.id) quarantined \(item.number): \(item.reason)") }
                }
            }
        }
    }
}

extension CasesCommand {
    struct ResumeJob: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume-job",
            abstract: "Give a blocked transfer job's proceedings that waited for a receiver back to the planner (Art. 162.1.2-3).",
            discussion:
                "registryd also does this by itself once the district has an eligible bailiff. Proceedings outside private-bailiff competence (138.1) and quarantined ones stay where they are."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The transfer job's id (`cases transfers`).") var job: Int64
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProceedingsStub(connection: conn).resumeTransferJob(.with { $0.jobID = job }, options: options)
                if connection.json { return try Output.json(response) }
                print(
                    "transfer job \(response.job.id) is \(response.job.state) again: \(response.job.total - response.job.reassigned - response.job.stranded - response.job.quarantined) proceedings to place"
                )
            }
        }
    }
}
