import Enforcement
import Foundation
import GRDB
import Licensing

extension StoreQueries {
    public func internships(of intern: IIN) throws -> [Internship] {
        try Row.fetchAll(db, sql: "SELECT * FROM internship WHERE intern_iin = ? ORDER BY id", arguments: [intern.digits]).map(
            Self.internship(from:))
    }

    public func internship(_ id: Int64) throws -> Internship? {
        try Row.fetchOne(db, sql: "SELECT * FROM internship WHERE id = ?", arguments: [id]).map(Self.internship(from:))
    }

    public func applications(of candidate: IIN) throws -> [AttestationApplication] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM attestation_application WHERE candidate_iin = ? ORDER BY id", arguments: [candidate.digits]
        ).map(Self.application(from:))
    }

    public func application(_ id: Int64) throws -> AttestationApplication? {
        try Row.fetchOne(db, sql: "SELECT * FROM attestation_application WHERE id = ?", arguments: [id]).map(Self.application(from:))
    }

    /// Applications of a region (all when nil), or only those undecided past their deadline on `overdueOn`.
    public func applications(region: String?, overdueOn: LocalDate?, limit: Int = 1000) throws -> [AttestationApplication] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let region {
            clauses.append("region = ?")
            arguments += [region]
        }
        if let overdueOn {
            clauses.append("status = 'submitted' AND decision_due_on < ?")
            arguments += [overdueOn.description]
        }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(
            db, sql: "SELECT * FROM attestation_application" + whereSQL + " ORDER BY received_on, id LIMIT ?",
            arguments: arguments + [limit]
        )
        .map(Self.application(from:))
    }

    static func internship(from row: Row) throws -> Internship {
        guard let intern = IIN(stored: row["intern_iin"]), let host = LicenseNumber(row["host_license"] as String),
            let started = LocalDate(row["started_on"] as String), let status = Internship.Status(rawValue: row["status"])
        else { throw StoreCorruption("internship \(row["id"] as Int64) has a malformed row") }
        return Internship(
            id: row["id"], intern: intern, host: host, startedOn: started, status: status,
            endedOn: (row["ended_on"] as String?).flatMap { LocalDate($0) }, evidence: row["evidence"])
    }

    static func application(from row: Row) throws -> AttestationApplication {
        guard let candidate = IIN(stored: row["candidate_iin"]), let received = LocalDate(row["received_on"] as String),
            let returnDue = LocalDate(row["return_due_on"] as String), let decisionDue = LocalDate(row["decision_due_on"] as String),
            let status = AttestationApplication.Status(rawValue: row["status"])
        else { throw StoreCorruption("application \(row["id"] as Int64) has a malformed row") }
        return AttestationApplication(
            id: row["id"], candidate: candidate, region: row["region"], receivedOn: received, returnDueOn: returnDue,
            decisionDueOn: decisionDue, status: status, decidedOn: (row["decided_on"] as String?).flatMap { LocalDate($0) },
            reasons: row["reasons"], legalBasis: row["legal_basis"], late: row["late"])
    }
}

extension StoreTransaction {
    public func insert(_ internship: Internship) throws -> Internship {
        try db.execute(
            sql: "INSERT INTO internship (intern_iin, host_license, started_on, status) VALUES (?, ?, ?, 'ongoing')",
            arguments: [internship.intern.digits, internship.host.value, internship.startedOn.description])
        var stored = internship
        stored.id = db.lastInsertedRowID
        return stored
    }

    public func end(_ internship: Internship) throws {
        try db.execute(
            sql: "UPDATE internship SET status = ?, ended_on = ?, evidence = ? WHERE id = ? AND status = 'ongoing'",
            arguments: [internship.status.rawValue, internship.endedOn?.description, internship.evidence, internship.id])
        guard db.changesCount == 1 else { throw StoreCorruption("internship \(internship.id) was ended concurrently") }
    }

    public func insert(_ application: AttestationApplication, recordedBy: String) throws -> AttestationApplication {
        try db.execute(
            sql: """
                INSERT INTO attestation_application (candidate_iin, region, received_on, return_due_on, decision_due_on, status, decided_on, reasons, legal_basis, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                application.candidate.digits, application.region, application.receivedOn.description, application.returnDueOn.description,
                application.decisionDueOn.description, application.status.rawValue, application.decidedOn?.description,
                application.reasons, application.legalBasis, recordedBy,
            ])
        var stored = application
        stored.id = db.lastInsertedRowID
        return stored
    }

    public func decide(_ application: AttestationApplication) throws {
        try db.execute(
            sql: """
                UPDATE attestation_application SET status = ?, decided_on = ?, reasons = ?, legal_basis = ?, late = ? WHERE id = ? AND status = 'submitted'
                """,
            arguments: [
                application.status.rawValue, application.decidedOn?.description, application.reasons, application.legalBasis,
                application.late, application.id,
            ])
        guard db.changesCount == 1 else { throw StoreCorruption("application \(application.id) was decided concurrently") }
    }
}

extension StoreQueries {
    public func session(_ id: Int64) throws -> AttestationSession? {
        try Row.fetchOne(db, sql: "SELECT * FROM attestation_session WHERE id = ?", arguments: [id]).map(Self.session(from:))
    }

    public func sessions(region: String?) throws -> [AttestationSession] {
        if let region {
            return try Row.fetchAll(db, sql: "SELECT * FROM attestation_session WHERE region = ? ORDER BY held_on", arguments: [region])
                .map(Self.session(from:))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM attestation_session ORDER BY held_on").map(Self.session(from:))
    }

    public func seat(_ id: Int64) throws -> SessionSeat? {
        try Row.fetchOne(db, sql: "SELECT * FROM session_seat WHERE id = ?", arguments: [id]).map(Self.seat(from:))
    }

    public func seats(ofApplication id: Int64) throws -> [SessionSeat] {
        try Row.fetchAll(db, sql: "SELECT * FROM session_seat WHERE application_id = ? ORDER BY id", arguments: [id]).map(Self.seat(from:))
    }

    /// Regions with admitted candidates waiting for a session.
    public func regionsWithAdmittedCandidates() throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT region FROM attestation_application WHERE status = 'admitted'"))
    }

    static func session(from row: Row) throws -> AttestationSession {
        guard let held = LocalDate(row["held_on"] as String) else {
            throw StoreCorruption("session \(row["id"] as Int64) has a malformed row")
        }
        return AttestationSession(id: row["id"], region: row["region"], heldOn: held, details: row["details"], minutes: row["minutes"])
    }

    static func seat(from row: Row) throws -> SessionSeat {
        guard let language = SessionSeat.Language(rawValue: row["language"]), let notified = LocalDate(row["notified_on"] as String) else {
            throw StoreCorruption("seat \(row["id"] as Int64) has a malformed row")
        }
        return SessionSeat(
            id: row["id"], applicationID: row["application_id"], sessionID: row["session_id"], language: language, notifiedOn: notified,
            outcome: (row["outcome"] as String?).flatMap(SessionSeat.Outcome.init(rawValue:)), testPassed: row["test_passed"],
            interviewPassed: row["interview_passed"], decidedOn: (row["decided_on"] as String?).flatMap { LocalDate($0) },
            reasons: row["reasons"])
    }
}

extension StoreTransaction {
    public func insert(_ session: AttestationSession) throws -> AttestationSession {
        try db.execute(
            sql: "INSERT INTO attestation_session (region, held_on, details) VALUES (?, ?, ?)",
            arguments: [session.region, session.heldOn.description, session.details])
        var stored = session
        stored.id = db.lastInsertedRowID
        return stored
    }

    public func setMinutes(_ session: Int64, _ minutes: String) throws {
        try db.execute(sql: "UPDATE attestation_session SET minutes = ? WHERE id = ?", arguments: [minutes, session])
    }

    public func insert(_ seat: SessionSeat) throws -> SessionSeat {
        try db.execute(
            sql: "INSERT INTO session_seat (application_id, session_id, language, notified_on) VALUES (?, ?, ?, ?)",
            arguments: [seat.applicationID, seat.sessionID, seat.language.rawValue, seat.notifiedOn.description])
        var stored = seat
        stored.id = db.lastInsertedRowID
        return stored
    }

    public func record(_ seat: SessionSeat) throws {
        try db.execute(
            sql: """
                UPDATE session_seat SET outcome = ?, test_passed = ?, interview_passed = ?, decided_on = ?, reasons = ? WHERE id = ? AND outcome IS NULL
                """,
            arguments: [seat.outcome?.rawValue, seat.testPassed, seat.interviewPassed, seat.decidedOn?.description, seat.reasons, seat.id])
        guard db.changesCount == 1 else { throw StoreCorruption("seat \(seat.id) was decided concurrently") }
    }

    /// Moves an application on from `previous` (the pipeline after admission).
    public func setApplicationStatus(
        _ id: Int64, to status: AttestationApplication.Status, from previous: AttestationApplication.Status,
        decidedOn: LocalDate?, reasons: String?, legalBasis: String?
    ) throws {
        try db.execute(
            sql: """
                UPDATE attestation_application SET status = ?, decided_on = coalesce(?, decided_on), reasons = coalesce(?, reasons), legal_basis = coalesce(?, legal_basis)
                WHERE id = ? AND status = ?
                """, arguments: [status.rawValue, decidedOn?.description, reasons, legalBasis, id, previous.rawValue])
        guard db.changesCount == 1 else { throw StoreCorruption("application \(id) is no longer \(previous.rawValue)") }
    }
}

extension StoreQueries {
    public func exemptions(of person: IIN) throws -> [Exemption] {
        try Row.fetchAll(db, sql: "SELECT * FROM exemption WHERE person_iin = ? ORDER BY id", arguments: [person.digits]).map { row in
            guard let iin = IIN(stored: row["person_iin"]), let ground = ExemptionGround(rawValue: row["ground"]),
                let service = try? JSONDecoder().decode([Exemption.Service].self, from: Data((row["service"] as String).utf8))
            else { throw StoreCorruption("exemption \(row["id"] as Int64) has a malformed row") }
            return Exemption(
                id: row["id"], person: iin, ground: ground, evidence: row["evidence"], service: service,
                releaseGround: row["release_ground"])
        }
    }
}

extension StoreTransaction {
    public func insert(_ exemption: Exemption, recordedBy: String) throws -> Exemption {
        try db.execute(
            sql: "INSERT INTO exemption (person_iin, ground, evidence, service, release_ground, recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                exemption.person.digits, exemption.ground.rawValue, exemption.evidence,
                String(decoding: try JSONEncoder().encode(exemption.service), as: UTF8.self), exemption.releaseGround, recordedBy,
            ])
        var stored = exemption
        stored.id = db.lastInsertedRowID
        return stored
    }
}
