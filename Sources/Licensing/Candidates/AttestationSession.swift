import Enforcement

/// A sitting of a region's attestation commission (141, 141-1.5–9; DOMAIN.md §3.6).
public struct AttestationSession: Hashable, Sendable, Codable {
    public var id: Int64
    public let region: String
    public let heldOn: LocalDate
    /// Place, time and procedure, as the notice states them (141-1.5).
    public let details: String
    /// The minutes, with the reference to the audio/video record or transcript (141.4).
    public var minutes: String?

    public init(id: Int64, region: String, heldOn: LocalDate, details: String, minutes: String?) {
        self.id = id
        self.region = region
        self.heldOn = heldOn
        self.details = details
        self.minutes = minutes
    }

    /// 141-1.5: the written notice reaches the candidate at least 10 calendar days before.
    public static let noticeDays = 10

    public func checkNotice(sentOn: LocalDate) throws(Rejection) {
        let latest = heldOn.adding(days: -Self.noticeDays)
        guard sentOn <= latest else {
            throw Rejection(
                .failedPrecondition, reason: "NOTICE_TOO_LATE",
                message: "the session of \(heldOn) needs the written notice by \(latest) (10 calendar days before), not \(sentOn)",
                article: "141-1.5", fieldViolations: [.init(field: "notified_on", description: "after \(latest)")])
        }
    }

    /// 141-1.6: sessions at least once a quarter. The regions with admitted candidates waiting
    /// and no session in `quarter`.
    public static func regionsWithoutSession(_ quarter: Quarter, sessions: [AttestationSession], waitingRegions: Set<String>) -> [String] {
        let held = Set(sessions.filter { quarter.firstDay <= $0.heldOn && $0.heldOn <= quarter.lastDay }.map(\.region))
        return waitingRegions.subtracting(held).sorted()
    }
}

/// A candidate's place at a session and what came of it (141-1.7–11; DOMAIN.md §3.7).
public struct SessionSeat: Hashable, Sendable, Codable {
    public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
        case kk, ru
    }

    public enum Outcome: String, Hashable, Sendable, Codable {
        case passed, notPassed, removed, absentValidReason, absent
    }

    public var id: Int64
    public let applicationID: Int64
    public let sessionID: Int64
    /// The candidate's choice for the computer test (141-1.8).
    public let language: Language
    public let notifiedOn: LocalDate
    public var outcome: Outcome?
    public var testPassed: Bool?
    public var interviewPassed: Bool?
    public var decidedOn: LocalDate?
    public var reasons: String?

    public init(
        id: Int64, applicationID: Int64, sessionID: Int64, language: Language, notifiedOn: LocalDate, outcome: Outcome?,
        testPassed: Bool?, interviewPassed: Bool?, decidedOn: LocalDate?, reasons: String?
    ) {
        self.id = id
        self.applicationID = applicationID
        self.sessionID = sessionID
        self.language = language
        self.notifiedOn = notifiedOn
        self.outcome = outcome
        self.testPassed = testPassed
        self.interviewPassed = interviewPassed
        self.decidedOn = decidedOn
        self.reasons = reasons
    }

    /// The commission's reasoned decision (141-1.7–9): passed only when both stages are passed;
    /// removed (141-1.10) with its reason. No later than the day after the session.
    public func decided(
        testPassed: Bool, interviewPassed: Bool?, removed: Bool, reasons: String, on date: LocalDate, session: AttestationSession
    ) throws(Rejection) -> SessionSeat {
        guard outcome == nil else {
            throw Rejection(.failedPrecondition, reason: "ALREADY_DECIDED", message: "seat \(id) is decided (\(outcome!.rawValue))")
        }
        guard date >= session.heldOn else { throw Rejection.invalid("decided_on", "before the session on \(session.heldOn)") }
        guard date <= session.heldOn.adding(days: 1) else {
            throw Rejection(
                .failedPrecondition, reason: "DECISION_TOO_LATE",
                message: "the decision is due no later than \(session.heldOn.adding(days: 1)), the day after the attestation",
                article: "141-1.9")
        }
        let reasons = reasons.trimmingWhitespace
        guard !reasons.isEmpty else {
            throw Rejection.invalid("reasons", "the decision is reasoned", article: removed ? "141-1.10" : "141-1.9")
        }
        var next = self
        next.testPassed = testPassed
        next.interviewPassed = interviewPassed
        next.decidedOn = date
        next.reasons = reasons
        next.outcome = removed ? .removed : (testPassed && interviewPassed == true ? .passed : .notPassed)
        return next
    }
}
