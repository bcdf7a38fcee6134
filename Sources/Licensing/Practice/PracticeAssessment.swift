import Enforcement

/// The answer to "may this bailiff act at this instant?" (DOMAIN.md §5.4), with
/// every condition and how it stands, so a caller sees why and not only whether.
///
/// Missing data is not compliance (DOMAIN.md §9.5-6): where the Law makes a record a
/// condition (membership 140.1, insurance 146.1, registration 168.1.4), a condition with no
/// record is `notRecorded`, and it blocks like `notMet`, naming what is missing.
public struct PracticeAssessment: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case met
        case notMet(String)
        case notRecorded
    }

    public struct Check: Hashable, Sendable {
        public let condition: PracticeCondition
        public let outcome: Outcome

        public init(condition: PracticeCondition, outcome: Outcome) {
            self.condition = condition
            self.outcome = outcome
        }
    }

    public let at: Instant
    /// The license the answer rests on: the holder's license in force at `at`, if any.
    public let license: License?
    /// One per condition, in `PracticeCondition.allCases` order.
    public let checks: [Check]

    /// True only when every condition is met on the record.
    public var mayPractise: Bool { blockers.isEmpty }

    /// Every condition not met, with why and its article; a missing record names what is missing.
    public var blockers: [(condition: PracticeCondition, reason: String)] {
        checks.compactMap { check in
            switch check.outcome {
            case .met: nil
            case .notMet(let why): (check.condition, why)
            case .notRecorded: (check.condition, "no \(check.condition.recordName) on record")
            }
        }
    }

    /// Assesses practice at `at` from the holder's licenses and the facts of the other conditions.
    /// `recorded` supplies the checks of conditions other than the license; absent ones are `notRecorded`.
    public static func assess(licenses: [License], at: Instant, recorded: [PracticeCondition: Outcome] = [:]) -> PracticeAssessment {
        // The license in force at `at`: the newest one that existed then.
        let license = licenses.filter { $0.status(at: at) != nil }.max(by: { $0.issuedOn < $1.issuedOn })
        let licenseOutcome: Outcome =
            switch license.flatMap({ $0.decisiveChange(at: at) }) {
            case nil: .notMet("no license in the register at that moment")
            case let change? where change.status == .active: .met
            case let change?:
                .notMet("license \(license!.number) is \(change.status.rawValue) since \(change.effectiveDate) (Art. \(change.legalBasis))")
            }
        let checks = PracticeCondition.allCases.map { condition in
            Check(condition: condition, outcome: condition == .licenseActive ? licenseOutcome : recorded[condition] ?? .notRecorded)
        }
        return PracticeAssessment(at: at, license: license, checks: checks)
    }
}
