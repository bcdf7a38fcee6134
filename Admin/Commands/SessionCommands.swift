import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// Attestation sessions: the territorial body schedules and invites, the commission decides.
extension CandidateCommand {
    struct Session: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule a sitting of your region's commission (territorial body; Art. 141.1, 141-1.6).")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Date, YYYY-MM-DD.") var on: String
        @Option(help: "Place, time and procedure.") var details: String

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).scheduleSession(
                    .with {
                        $0.heldOn = on
                        $0.details = details
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("session \(response.session.id) on \(response.session.heldOn) in \(response.session.region)")
            }
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invite an admitted candidate, at least 10 calendar days ahead (Art. 141-1.5), in kk or ru (141-1.8).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Application id.") var application: Int64
        @Option(help: "Session id.") var session: Int64
        @Option(help: "kk or ru.") var language: String
        @Option(help: "Date the written notice was sent (default: today).") var notified: String?

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).inviteCandidate(
                    .with {
                        $0.applicationID = application
                        $0.sessionID = session
                        $0.language = language
                        $0.notifiedOn = notified ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("seat \(response.seat.id): application \(application) invited to session \(session) (\(response.seat.language))")
            }
        }
    }

    struct Result: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The commission's decision (Art. 141-1.7–10): both stages passed, or not, or --removed.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Seat id.") var seat: Int64
        @Flag(help: "The computer test was passed.") var testPassed = false
        @Option(help: "The interview: passed or failed (omit if it did not take place).") var interview: String?
        @Flag(help: "Removed for using aids or communication (141-1.10).") var removed = false
        @Option(help: "The reasons of the decision.") var reasons: String
        @Option(help: "Date decided (default: today).") var on: String?

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                var request = WireRecordAttestationResultRequest()
                request.seatID = seat
                request.testPassed = testPassed
                if let interview { request.interviewPassed = interview == "passed" }
                request.removed = removed
                request.reasons = reasons
                request.decidedOn = on ?? ""
                let response = try await CandidatesStub(connection: conn).recordAttestationResult(request, options: options)
                if connection.json { return try Output.json(response) }
                print("seat \(seat): \(response.seat.outcome) on \(response.seat.decidedOn)")
            }
        }
    }

    struct Absence: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The candidate did not come (Art. 141-1.11): --valid-reason the first time invites him again.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Seat id.") var seat: Int64
        @Flag(help: "Absent for a valid reason.") var validReason = false
        @Option(help: "The reason given.") var reasons: String = ""

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).recordAbsence(
                    .with {
                        $0.seatID = seat
                        $0.validReason = validReason
                        $0.reasons = reasons
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("application \(response.application.id): \(response.application.status)")
            }
        }
    }

    struct Minutes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a session's minutes with the reference to its record or transcript (Art. 141.4).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Session id.") var session: Int64
        @Option(help: "The minutes' reference and the record's.") var minutes: String

        func run() async throws {
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).recordMinutes(
                    .with {
                        $0.sessionID = session
                        $0.minutes = minutes
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("minutes of session \(session) recorded")
            }
        }
    }

    struct Gaps: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regions with admitted candidates and no session in a quarter (Art. 141-1.6).")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Quarter, e.g. 2026Q3.") var quarter: String

        func run() async throws {
            try await connection.run { conn in
                let response = try await CandidatesStub(connection: conn).sessionGaps(
                    .with { $0.quarter = quarter }, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                print(
                    response.regions.isEmpty
                        ? "every region with admitted candidates has a session in \(quarter)"
                        : "no session in \(quarter): " + response.regions.joined(separator: ", "))
            }
        }
    }
}

extension CandidateCommand {
    struct Exemption: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an exemption from internship and attestation, checked against its evidence (Art. 142.5).",
            discussion:
                "Grounds: qualificationExam (142.5.1), judge (142.5.2, --release-ground for a former judge), prosecutorOrInvestigator (142.5.3, 5 years of --service), stateEnforcementService (142.5.4, 2 years)."
        )
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The person's IIN.") var iin: String
        @Option(help: "The ground.") var ground: String
        @Option(help: "The documents it rests on.") var evidence: String
        @Option(
            help:
                "A period of service FROM:TO:POSITION, dates YYYY-MM-DD; POSITION prosecutor, investigator (142.5.3), stateBailiff or stateEnforcementBody (142.5.4) (repeatable)."
        ) var service: [String] = []
        @Option(help: "A former judge's ConstLaw 34.1 release ground, e.g. 34.1(3).") var releaseGround: String?

        func run() async throws {
            let periods = try service.map { text -> WireServicePeriod in
                let parts = text.split(separator: ":", maxSplits: 2).map(String.init)
                guard parts.count == 3 else { throw ValidationError("--service must be FROM:TO:POSITION, got '\(text)'") }
                return .with {
                    $0.from = parts[0]
                    $0.to = parts[1]
                    $0.position = parts[2]
                }
            }
            try await connection.mutate(nil) { conn, options in
                let response = try await CandidatesStub(connection: conn).recordExemption(
                    .with {
                        $0.iin = iin
                        $0.ground = ground
                        $0.evidence = evidence
                        $0.service = periods
                        $0.releaseGround = releaseGround ?? ""
                    }, options: options)
                if connection.json { return try Output.json(response) }
                print("exemption \(response.id) recorded (Art. \(response.legalBasis)); `license issue` will rest on it")
            }
        }
    }
}
