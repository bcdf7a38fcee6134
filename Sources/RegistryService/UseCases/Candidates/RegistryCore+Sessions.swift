import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// The territorial body schedules a sitting of its region's commission (141.1, 141-1.6).
    public func scheduleSession(heldOn: LocalDate, details: String, context: RequestContext) async throws -> AttestationSession {
        try await mutate(context: context, subject: { "session:\($0.id)" }) { tx, now in
            guard let region = context.principal.region else {
                throw Rejection(
                    .permissionDenied, reason: "NO_REGION", message: "sessions are scheduled by a territorial body of a region",
                    article: "141.1")
            }
            guard heldOn >= now.kazakhstanDate else { throw Rejection.invalid("held_on", "\(heldOn) has passed") }
            let details = details.trimmingWhitespace
            guard !details.isEmpty else { throw Rejection.invalid("details", "place, time and procedure", article: "141-1.5") }
            return try tx.insert(AttestationSession(id: 0, region: region, heldOn: heldOn, details: details, minutes: nil))
        }
    }

    /// An admitted candidate is invited in writing at least 10 calendar days before (141-1.5),
    /// with the language he chose for the test (141-1.8).
    public func inviteCandidate(
        application id: Int64, session sessionID: Int64, language: String, notifiedOn: LocalDate?, context: RequestContext
    ) async throws -> SessionSeat {
        try await mutate(context: context, subject: { "seat:\($0.id)" }) { tx, now in
            guard let application = try tx.application(id) else {
                throw Rejection(.notFound, reason: "APPLICATION_NOT_FOUND", message: "no application \(id)")
            }
            guard let session = try tx.session(sessionID) else {
                throw Rejection(.notFound, reason: "SESSION_NOT_FOUND", message: "no session \(sessionID)")
            }
            guard context.principal.region == application.region, session.region == application.region else {
                throw Rejection(
                    .permissionDenied, reason: "OTHER_REGION", message: "application \(id) and session \(sessionID) must be of your region",
                    article: "141-1.5")
            }
            guard application.status == .admitted else {
                throw Rejection(
                    .failedPrecondition, reason: "NOT_ADMITTED",
                    message: "application \(id) is \(application.status.rawValue); only an admitted candidate is invited",
                    article: "141-1.5")
            }
            guard let chosen = SessionSeat.Language(rawValue: language) else {
                throw Rejection.invalid("language", "kk or ru", article: "141-1.8")
            }
            let sent = notifiedOn ?? now.kazakhstanDate
            try session.checkNotice(sentOn: sent)
            let seat = try tx.insert(
                SessionSeat(
                    id: 0, applicationID: id, sessionID: sessionID, language: chosen, notifiedOn: sent,
                    outcome: nil, testPassed: nil, interviewPassed: nil, decidedOn: nil, reasons: nil))
            try tx.setApplicationStatus(id, to: .scheduled, from: .admitted, decidedOn: nil, reasons: nil, legalBasis: nil)
            try tx.appendOutbox(
                eventType: "notification", subject: "application:\(id)",
                fields: [
                    "recipient": "candidate", "application": .number(id), "session_on": .text(session.heldOn.description),
                    "details": .text(session.details),
                    "legal_basis": "141-1.5",
                ], at: now)
            return seat
        }
    }

    /// The commission's decision on a candidate (141-1.7–10): passed, not passed, or removed.
    public func recordAttestationResult(
        seat id: Int64, testPassed: Bool, interviewPassed: Bool?, removed: Bool, reasons: String, decidedOn: LocalDate?,
        context: RequestContext
    ) async throws -> SessionSeat {
        try await mutate(context: context, subject: { "seat:\($0.id)" }) { tx, now in
            let (seat, session) = try Self.requireSeat(id, principal: context.principal, tx: tx)
            let decided = try seat.decided(
                testPassed: testPassed, interviewPassed: interviewPassed, removed: removed, reasons: reasons,
                on: decidedOn ?? now.kazakhstanDate, session: session)
            try tx.record(decided)
            let status: AttestationApplication.Status =
                switch decided.outcome {
                case .passed?: .passed
                case .removed?: .removed
                default: .notPassed
                }
            try tx.setApplicationStatus(
                seat.applicationID, to: status, from: .scheduled, decidedOn: decided.decidedOn, reasons: decided.reasons,
                legalBasis: removed ? "141-1.10" : "141-1.9")
            return decided
        }
    }

    /// Absence (141-1.11): for a valid reason the first time, he is invited to the next session;
    /// absent again, the application is not considered and returned.
    public func recordAbsence(seat id: Int64, validReason: Bool, reasons: String, context: RequestContext) async throws
        -> AttestationApplication
    {
        try await mutate(context: context, subject: { "application:\($0.id)" }) { tx, _ in
            var (seat, session) = try Self.requireSeat(id, principal: context.principal, tx: tx)
            guard seat.outcome == nil else {
                throw Rejection(.failedPrecondition, reason: "ALREADY_DECIDED", message: "seat \(id) is decided")
            }
            let earlier = try tx.seats(ofApplication: seat.applicationID).filter {
                $0.id != seat.id && ($0.outcome == .absentValidReason || $0.outcome == .absent)
            }
            seat.outcome = validReason ? .absentValidReason : .absent
            seat.decidedOn = session.heldOn
            seat.reasons = reasons.trimmingWhitespace.isEmpty ? nil : reasons.trimmingWhitespace
            try tx.record(seat)
            if validReason && earlier.isEmpty {
                try tx.setApplicationStatus(
                    seat.applicationID, to: .admitted, from: .scheduled, decidedOn: nil, reasons: nil, legalBasis: nil)
            } else {
                // The Law says what follows a second absence; a first absence without a valid reason is
                // not regulated (§9.1-16) and is treated the same way [POLICY].
                try tx.setApplicationStatus(
                    seat.applicationID, to: .notConsideredReturned, from: .scheduled, decidedOn: session.heldOn,
                    reasons: "absent from the attestation" + (earlier.isEmpty ? " without a valid reason" : " again"),
                    legalBasis: "141-1.11")
            }
            return try tx.application(seat.applicationID)!
        }
    }

    /// The minutes of a session, with the reference to its audio/video record or transcript (141.4).
    public func recordMinutes(session id: Int64, minutes: String, context: RequestContext) async throws -> AttestationSession {
        try await mutate(context: context, subject: { "session:\($0.id)" }) { tx, _ in
            guard let session = try tx.session(id) else {
                throw Rejection(.notFound, reason: "SESSION_NOT_FOUND", message: "no session \(id)")
            }
            if let region = context.principal.region, region != session.region {
                throw Rejection(
                    .permissionDenied, reason: "OTHER_REGION", message: "session \(id) is of \(session.region)", article: "141.4")
            }
            let minutes = minutes.trimmingWhitespace
            guard !minutes.isEmpty else {
                throw Rejection.invalid("minutes", "the minutes with the reference to the record or transcript", article: "141.4")
            }
            try tx.setMinutes(id, minutes)
            return try tx.session(id)!
        }
    }

    /// 141-1.6: regions with admitted candidates and no session in the quarter.
    public func sessionGaps(quarter text: String, context: RequestContext) async throws -> [String] {
        guard let quarter = Quarter(text) else { throw Rejection.invalid("quarter", "expected YYYYQn", article: "141-1.6") }
        return try await store.read { reader in
            AttestationSession.regionsWithoutSession(
                quarter, sessions: try reader.sessions(region: nil), waitingRegions: try reader.regionsWithAdmittedCandidates())
        }
    }

    static func requireSeat(_ id: Int64, principal: Principal, tx: StoreTransaction) throws -> (SessionSeat, AttestationSession) {
        guard let seat = try tx.seat(id), let session = try tx.session(seat.sessionID) else {
            throw Rejection(.notFound, reason: "SEAT_NOT_FOUND", message: "no seat \(id)")
        }
        if let region = principal.region, region != session.region {
            throw Rejection(
                .permissionDenied, reason: "OTHER_REGION", message: "seat \(id) is at a session of \(session.region)", article: "141.1")
        }
        return (seat, session)
    }
}
