import ArgumentParser
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The compulsory measures the enforcement system reports, which the 144.2.4 monitor reads.
extension CasesCommand {
    struct Measure: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report a compulsory enforcement measure on a proceeding (system, or its bailiff; Art. 144.2.4).",
            discussion:
                "--standing: the measure stays in force until lifted (a deduction from wages); --lift: the standing measure ends on --on. A socially significant proceeding may not go a month without a measure taken or in force, the month running from its opening."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Proceeding number.") var number: String
        @Option(help: "Day of the measure, YYYY-MM-DD.") var on: String
        @Flag(help: "The measure stays in force until lifted.") var standing = false
        @Flag(help: "Lift the standing measure instead of recording a new one.") var lift = false
        @Option(help: "Idempotency key.") var idempotencyKey: String?

        func validate() throws {
            if standing && lift { throw ValidationError("--standing and --lift exclude each other") }
        }

        func run() async throws {
            try await connection.mutate(idempotencyKey) { conn, options in
                let response = try await ProceedingsStub(connection: conn).recordEnforcementMeasure(
                    .with {
                        $0.number = number
                        $0.on = on
                        $0.standing = standing
                        $0.liftsStanding = lift
                    }, options: options)
                if connection.json { return try Output.json(response) }
                let r = response.proceeding.record
                let stands = r.standingMeasureSince.isEmpty ? "none in force" : "in force since \(r.standingMeasureSince)"
                print("\(r.number): last measure \(r.lastMeasureOn), standing measure \(stands)")
            }
        }
    }
}
