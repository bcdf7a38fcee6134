import ArgumentParser
import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// What happened to a license, whether its holder may act, what is due.
extension LicenseCommand {
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "What happened to a license and why: every decision with its basis, dates, reasons, proposal and actor, and the deadlines they set."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number.") var number: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await LicensingStub(connection: conn).getLicenseHistory(
                    .with { $0.number = number }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                let license = response.license
                print(
                    "License \(license.number), \(license.holderName), district \(license.district), issued \(license.issuedOn) on \(Render.basis(license.basis))"
                )
                print(
                    "Now: \(Render.status(license.status))"
                        + (license.deprivationClaimPending ? ", deprivation claim pending in court" : "") + "\n")
                for (position, change) in license.history.enumerated() { print(Render.entry(change, position: position)) }
                guard !response.deadlines.isEmpty else { return }
                print("\nDeadlines")
                Output.table(["ENTRY", "WHAT", "OWNER", "DUE", "ARTICLE", "STATE"], response.deadlines.map(Render.deadlineRow))
            }
        }
    }

    struct MayPractise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "may-practise",
            abstract: "May the bailiff act at a moment (DOMAIN §5.4)? Each condition with its article.",
            discussion: "Conditions the registry does not record yet (membership, insurance, …) are shown as not checked."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "License number (or give --iin).") var number: String?
        @Option(help: "The bailiff's IIN.") var iin: String?
        @Option(help: "Moment in Kazakhstan time, YYYY-MM-DD or YYYY-MM-DDTHH:MM (default: now).") var at: String?

        func run() async throws {
            var request = WireMayPractiseRequest()
            request.licenseNumber = number ?? ""
            request.bailiffIin = iin ?? ""
            if let at {
                guard let ms = StatusAt.parse(at) else {
                    throw ValidationError("--at must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Kazakhstan time)")
                }
                request.atMs = ms
            }
            try await connection.run { conn in
                let response = try await LicensingStub(connection: conn).mayPractise(request, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                print(response.mayPractise ? "may practise" : "may NOT practise", terminator: "")
                print(response.licenseNumber.isEmpty ? "" : " (license \(response.licenseNumber))")
                Output.table(
                    ["CONDITION", "ARTICLE", "OUTCOME", "DETAIL"],
                    response.conditions.map {
                        [$0.condition, $0.legalBasis, Render.outcome($0.outcome), $0.detail]
                    })
            }
        }
    }

    struct Deadlines: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deadlines set by decisions: hand-over (148.1.9-2), transfer measures (162.1.2-3), end of a suspension term (143.3).",
            discussion: "Give a license number for all of its deadlines, or --overdue-on DATE for every open deadline overdue on that day."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "License number.") var license: String?
        @Option(help: "List open deadlines overdue on this day, YYYY-MM-DD.") var overdueOn: String?

        func run() async throws {
            try await connection.run { conn in
                let response = try await LicensingStub(connection: conn).listDeadlines(
                    .with {
                        $0.licenseNumber = license ?? ""
                        $0.overdueOn = overdueOn ?? ""
                    }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                Output.table(
                    ["LICENSE", "ENTRY", "WHAT", "OWNER", "DUE", "ARTICLE", "STATE"],
                    response.deadlines.map { [$0.licenseNumber] + Render.deadlineRow($0) })
            }
        }
    }
}

extension Render {
    static func deadlineRow(_ d: WireDeadline) -> [String] {
        let what: String =
            switch d.kind {
            case .bailiffHandover: "hand-over by the bailiff"
            case .chamberTransferMeasures: "transfer by the regional chamber"
            case .suspensionTermReview: "suspension term ends: decide"
            default: "?"
            }
        let state = d.closedAtMs != 0 ? "closed: \(d.closedBy)" : d.alertedAtMs != 0 ? "OVERDUE (alerted)" : "open"
        return [d.entry == 0 ? "absence" : "#\(d.entry)", what, d.owner, d.dueOn, d.legalBasis, state]
    }

    static func outcome(_ outcome: WirePracticeConditionOutcome) -> String {
        switch outcome {
        case .met: return "met"
        case .notMet: return "NOT MET"
        case .notRecorded: return "not checked"
        default: return "?"
        }
    }
}
