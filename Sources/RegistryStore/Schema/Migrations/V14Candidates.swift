extension RegistryMigrations {
    /// The candidate pipeline: internships (140.4, 156.3) and attestation applications (141-1.2–4).
    static let v14 = """
        CREATE TABLE internship (
            id INTEGER PRIMARY KEY,
            intern_iin TEXT NOT NULL REFERENCES person(iin),
            host_license TEXT NOT NULL REFERENCES license(number),
            started_on TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ongoing', 'completed', 'interrupted')),
            ended_on TEXT,
            evidence TEXT
        ) STRICT;
        CREATE INDEX internship_by_intern ON internship(intern_iin, id);

        CREATE TABLE attestation_application (
            id INTEGER PRIMARY KEY,
            candidate_iin TEXT NOT NULL REFERENCES person(iin),
            region TEXT NOT NULL REFERENCES district(code),
            received_on TEXT NOT NULL,
            return_due_on TEXT NOT NULL,
            decision_due_on TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('submitted', 'returnedIncomplete', 'refused', 'admitted', 'scheduled',
                                                   'passed', 'notPassed', 'removed', 'notConsideredReturned')),
            decided_on TEXT,
            reasons TEXT,
            legal_basis TEXT,
            late INTEGER NOT NULL DEFAULT 0,
            recorded_by TEXT NOT NULL
        ) STRICT;
        CREATE INDEX attestation_application_by_candidate ON attestation_application(candidate_iin, id);
        CREATE INDEX attestation_application_open ON attestation_application(region, decision_due_on) WHERE status = 'submitted';

        CREATE TABLE exemption (
            id INTEGER PRIMARY KEY,
            person_iin TEXT NOT NULL REFERENCES person(iin),
            ground TEXT NOT NULL CHECK (ground IN ('qualificationExam', 'judge', 'prosecutorOrInvestigator', 'stateEnforcementService')),
            evidence TEXT NOT NULL,
            service TEXT NOT NULL,
            release_ground TEXT,
            recorded_by TEXT NOT NULL
        ) STRICT;
        CREATE INDEX exemption_by_person ON exemption(person_iin);

        CREATE TABLE attestation_session (
            id INTEGER PRIMARY KEY,
            region TEXT NOT NULL REFERENCES district(code),
            held_on TEXT NOT NULL,
            details TEXT NOT NULL,
            minutes TEXT
        ) STRICT;
        CREATE INDEX attestation_session_by_region ON attestation_session(region, held_on);

        CREATE TABLE session_seat (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES attestation_application(id),
            session_id INTEGER NOT NULL REFERENCES attestation_session(id),
            language TEXT NOT NULL CHECK (language IN ('kk', 'ru')),
            notified_on TEXT NOT NULL,
            outcome TEXT CHECK (outcome IN ('passed', 'notPassed', 'removed', 'absentValidReason', 'absent')),
            test_passed INTEGER,
            interview_passed INTEGER,
            decided_on TEXT,
            reasons TEXT,
            UNIQUE (application_id, session_id)
        ) STRICT;
        """
}
