import GRDB

/// The schema, as append-only migrations: a released migration is never edited;
/// a change is a new one. Tables are STRICT; legal dates are `YYYY-MM-DD` text and
/// instants integer milliseconds (GRDB's own `Date` encoding drops precision).
enum RegistryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-skeleton") { db in
            try db.execute(sql: v1)
            try DistrictSeed.insertAll(db)
        }
        migrator.registerMigration("v2-license-decisions") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3-proposals") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4-lifecycle") { db in
            try db.execute(sql: v4)
        }
        migrator.registerMigration("v5-proceedings") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6-membership-insurance") { db in
            try db.execute(sql: v6)
        }
        migrator.registerMigration("v7-training-monitors") { db in
            try db.execute(sql: v7)
        }
        migrator.registerMigration("v8-inspections") { db in
            try db.execute(sql: v8)
        }
        migrator.registerMigration("v9-penalties-dues") { db in
            try db.execute(sql: v9)
        }
        migrator.registerMigration("v10-complaints") { db in
            try db.execute(sql: v10)
        }
        migrator.registerMigration("v11-mci") { db in
            try db.execute(sql: v11)
        }
        migrator.registerMigration("v12-legal-aid") { db in
            try db.execute(sql: v12)
        }
        migrator.registerMigration("v13-penalty-appeals") { db in
            try db.execute(sql: v13)
        }
        migrator.registerMigration("v14-candidates") { db in
            try db.execute(sql: v14)
        }
        return migrator
    }

    /// Decisions of the license lifecycle (143, 144): a suspension's term, every
    /// decision's reasons and the proposal it answers are kept in the history entry itself.
    private static let v2 = """
    ALTER TABLE license_status_history ADD COLUMN term_end TEXT;
    ALTER TABLE license_status_history ADD COLUMN reasons TEXT;
    ALTER TABLE license_status_history ADD COLUMN proposal TEXT;
    """

    /// The candidate pipeline: internships (140.4, 156.3) and attestation applications (141-1.2–4).
    private static let v14 = """
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

    /// The appeal of a disciplinary penalty (170.3, per the charter): upheld or annulled.
    private static let v13 = """
    ALTER TABLE disciplinary_proceeding ADD COLUMN appeal_outcome TEXT CHECK (appeal_outcome IN ('upheld', 'annulled'));
    ALTER TABLE disciplinary_proceeding ADD COLUMN appeal_decision TEXT;
    """

    /// Bailiffs' monthly legal-aid reports (103-1.4).
    private static let v12 = """
    CREATE TABLE legal_aid_report (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        month TEXT NOT NULL,
        consultations INTEGER NOT NULL CHECK (consultations >= 0),
        submitted_on TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        UNIQUE (license_number, month)
    ) STRICT;
    """

    /// The Ministry's MCI values, over the shipped table (a new year's budget law, a correction).
    private static let v11 = """
    CREATE TABLE mci (
        year INTEGER PRIMARY KEY,
        tenge INTEGER NOT NULL CHECK (tenge > 0),
        source TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at_ms INTEGER NOT NULL
    ) STRICT;
    """

    /// Complaints about bailiffs (162.1.2-2, 163-1.1.3-1, 168.2.4) and what they led to.
    private static let v10 = """
    CREATE TABLE complaint (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        received_on TEXT NOT NULL,
        complainant TEXT NOT NULL,
        summary TEXT NOT NULL,
        district TEXT NOT NULL REFERENCES district(code),
        recorded_by TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        outcome TEXT,
        inspection_id INTEGER REFERENCES inspection(id),
        disciplinary_proceeding_id INTEGER REFERENCES disciplinary_proceeding(id)
    ) STRICT;
    CREATE INDEX complaint_by_license ON complaint(license_number, id);
    """

    /// The penalty a disciplinary proceeding ends with (170), and quarterly dues (148.1.5-2)
    /// with the periods exempt from them (172-1(3)).
    private static let v9 = """
    ALTER TABLE disciplinary_proceeding ADD COLUMN penalty TEXT CHECK (penalty IN ('warning', 'reprimand', 'severeReprimand', 'expulsion'));

    CREATE TABLE dues_payment (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        quarter TEXT NOT NULL,
        paid_on TEXT NOT NULL,
        reference TEXT NOT NULL,
        UNIQUE (license_number, quarter)
    ) STRICT;

    CREATE TABLE dues_exemption (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        reason TEXT NOT NULL CHECK (reason IN ('childCare', 'incapacity')),
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        reference TEXT NOT NULL,
        CHECK (from_date <= to_date)
    ) STRICT;
    """

    /// Inspections (169), their document requests (169.5) and the violations they or other acts
    /// establish (the facts of 143.2.2, 143.2.6, 144.2.1).
    private static let v8 = """
    CREATE TABLE inspection (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        kind TEXT NOT NULL CHECK (kind IN ('plannedFirst', 'plannedAnnual', 'unscheduled')),
        scheduled_on TEXT NOT NULL,
        inspected_by TEXT NOT NULL,
        trigger TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'completed')),
        completed_on TEXT,
        findings TEXT
    ) STRICT;
    CREATE INDEX inspection_by_license ON inspection(license_number, scheduled_on);

    CREATE TABLE document_request (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
        sent_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        subject TEXT NOT NULL
    ) STRICT;

    CREATE TABLE violation (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        committed_on TEXT NOT NULL,
        established_on TEXT NOT NULL,
        source TEXT NOT NULL,
        description TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        CHECK (committed_on <= established_on)
    ) STRICT;
    CREATE INDEX violation_by_license ON violation(license_number, committed_on);
    """

    /// Training records (148.1.9-1), and proposals that monitors draft: two more states
    /// (draft, withdrawn) and the key that makes a monitor's finding a draft only once.
    /// SQLite cannot change a CHECK in place, so the proposal table is rebuilt with its rows.
    private static let v7 = """
    CREATE TABLE training (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        completed_on TEXT NOT NULL,
        programme TEXT NOT NULL,
        certificate TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        UNIQUE (license_number, certificate)
    ) STRICT;

    CREATE TABLE proposal_v7 (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        author TEXT NOT NULL CHECK (author IN ('territorialBody', 'republicanChamber', 'regionalChamber', 'prosecutor')),
        author_identity TEXT NOT NULL,
        ground TEXT NOT NULL,
        facts TEXT NOT NULL,
        submitted_at_ms INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft', 'pending', 'accepted', 'declined', 'withdrawn')),
        decision_reasons TEXT,
        decided_at_ms INTEGER,
        monitor_key TEXT UNIQUE
    ) STRICT;
    INSERT INTO proposal_v7 (id, license_number, author, author_identity, ground, facts, submitted_at_ms, state, decision_reasons, decided_at_ms)
        SELECT id, license_number, author, author_identity, ground, facts, submitted_at_ms, state, decision_reasons, decided_at_ms FROM proposal;
    DROP TABLE proposal;
    ALTER TABLE proposal_v7 RENAME TO proposal;
    CREATE INDEX proposal_by_state ON proposal(state, id);
    CREATE INDEX proposal_by_license ON proposal(license_number, id);
    """

    /// Chamber membership (140.1, 172-1) and professional liability insurance (146): the
    /// facts `mayPractise` reads beyond the license. One active membership per license.
    private static let v6 = """
    CREATE TABLE membership (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        district TEXT NOT NULL REFERENCES district(code),
        admitted_on TEXT NOT NULL,
        admission_decision TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'expelled', 'left')),
        ended_on TEXT,
        expulsion_ground TEXT,
        end_decision TEXT,
        CHECK (ended_on IS NULL OR ended_on >= admitted_on),
        CHECK ((status = 'active') = (ended_on IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX membership_one_active ON membership(license_number) WHERE status = 'active';
    CREATE INDEX membership_by_license ON membership(license_number, id);

    CREATE TABLE insurance_contract (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        insurer TEXT NOT NULL,
        contract_number TEXT NOT NULL,
        concluded_on TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT NOT NULL,
        sum_tiyn INTEGER NOT NULL CHECK (sum_tiyn > 0),
        recorded_by TEXT NOT NULL,
        recorded_at_ms INTEGER NOT NULL,
        CHECK (valid_from <= valid_to),
        UNIQUE (insurer, contract_number)
    ) STRICT;
    CREATE INDEX insurance_contract_by_license ON insurance_contract(license_number, valid_to);
    """

    /// Enforcement proceedings and their transfers (143.6, 144.4, 148.1.9-2, 162.1.2-3).
    /// A proceeding has one holder column: a license number, or NULL for the regional
    /// chamber of its district, so "exactly one holder" (INV-14) holds by construction.
    /// What is only shown (document, parties, amounts) is a JSON document; what is
    /// queried has its own column. Every change of holder is an append-only row.
    private static let v5 = """
    CREATE TABLE proceeding (
        number TEXT PRIMARY KEY,
        district TEXT NOT NULL REFERENCES district(code),
        holder_license TEXT REFERENCES license(number),
        category TEXT NOT NULL CHECK (category IN ('sociallySignificant', 'stateRevenue', 'other')),
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_on TEXT NOT NULL,
        details TEXT NOT NULL,
        imported_at_ms INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX proceeding_by_holder ON proceeding(holder_license, status, category);
    CREATE INDEX proceeding_by_district ON proceeding(district, number);

    CREATE TABLE transfer_job (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        trigger TEXT NOT NULL,
        -- The license history entry for license decisions; NULL for other triggers
        -- (a debtor's relocation, the end of a replacement), named by trigger_reference.
        trigger_entry INTEGER,
        trigger_reference TEXT,
        district TEXT NOT NULL REFERENCES district(code),
        seed INTEGER NOT NULL,
        policy TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('reassigning', 'completed', 'blocked', 'cancelled')),
        total INTEGER NOT NULL,
        reassigned INTEGER NOT NULL DEFAULT 0,
        stranded INTEGER NOT NULL DEFAULT 0,
        created_at_ms INTEGER NOT NULL,
        finished_at_ms INTEGER,
        UNIQUE (license_number, trigger_entry)
    ) STRICT;
    CREATE INDEX transfer_job_by_state ON transfer_job(state, id);

    CREATE TABLE transfer_item (
        job_id INTEGER NOT NULL REFERENCES transfer_job(id),
        proceeding_number TEXT NOT NULL REFERENCES proceeding(number),
        position INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'reassigned', 'stranded')),
        receiver_license TEXT REFERENCES license(number),
        PRIMARY KEY (job_id, proceeding_number)
    ) STRICT;
    CREATE INDEX transfer_item_pending ON transfer_item(job_id, position) WHERE state = 'pending';

    CREATE TABLE proceeding_assignment (
        id INTEGER PRIMARY KEY,
        proceeding_number TEXT NOT NULL REFERENCES proceeding(number),
        holder TEXT NOT NULL,
        reason TEXT NOT NULL,
        job_id INTEGER REFERENCES transfer_job(id),
        at_ms INTEGER NOT NULL,
        explanation TEXT
    ) STRICT;
    CREATE INDEX proceeding_assignment_by_proceeding ON proceeding_assignment(proceeding_number, id);

    -- Temporary replacement (153-1): the substitute holds the replaced bailiff's proceedings for the period.
    CREATE TABLE temporary_replacement (
        id INTEGER PRIMARY KEY,
        replaced_license TEXT NOT NULL REFERENCES license(number),
        substitute_license TEXT NOT NULL REFERENCES license(number),
        ground TEXT NOT NULL,
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        reference TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('scheduled', 'active', 'ended')),
        created_at_ms INTEGER NOT NULL,
        CHECK (replaced_license <> substitute_license),
        CHECK (from_date <= to_date)
    ) STRICT;
    CREATE INDEX temporary_replacement_by_state ON temporary_replacement(state, from_date);

    CREATE TABLE replacement_item (
        replacement_id INTEGER NOT NULL REFERENCES temporary_replacement(id),
        proceeding_number TEXT NOT NULL REFERENCES proceeding(number),
        state TEXT NOT NULL CHECK (state IN ('moved', 'returned', 'returnedToCreditor', 'transferred')),
        PRIMARY KEY (replacement_id, proceeding_number)
    ) STRICT;
    CREATE TRIGGER proceeding_assignment_no_update BEFORE UPDATE ON proceeding_assignment
    BEGIN SELECT RAISE(ABORT, 'proceeding_assignment is append-only'); END;
    CREATE TRIGGER proceeding_assignment_no_delete BEFORE DELETE ON proceeding_assignment
    BEGIN SELECT RAISE(ABORT, 'proceeding_assignment is append-only'); END;
    """

    /// The whole lifecycle (143, 144): what each history entry decided (an entry may
    /// leave the status as it was: a refused reinstatement, a claim filed or dismissed),
    /// the document behind it and the entry an annulment annuls; the deadlines decisions
    /// set (148.1.9-2, 162.1.2-3, 143.3); disciplinary proceedings, which 144.5 reads;
    /// and the Ministry's imported working calendars.
    ///
    /// Entries written before v4 get their kind from their status and position. That is
    /// the one rewrite of history there is, so the append-only trigger is lifted for it
    /// and put back in the same transaction.
    private static let v4 = """
    ALTER TABLE license_status_history ADD COLUMN kind TEXT NOT NULL DEFAULT 'issued' CHECK (kind IN (
        'issued', 'suspended', 'suspendedOnApplication', 'reinstated', 'resumedAfterMandate', 'reinstatementRefused',
        'terminated', 'deprivationClaimFiled', 'deprived', 'deprivationClaimDismissed', 'annulled'));
    ALTER TABLE license_status_history ADD COLUMN document TEXT;
    ALTER TABLE license_status_history ADD COLUMN annuls_entry INTEGER;
    DROP TRIGGER license_status_history_no_update;
    UPDATE license_status_history SET kind = CASE
        WHEN id = (SELECT min(first.id) FROM license_status_history first WHERE first.license_number = license_status_history.license_number) THEN 'issued'
        WHEN status = 'suspended' AND ground_code = 'sDeputy143_5' THEN 'suspendedOnApplication'
        WHEN status = 'suspended' THEN 'suspended'
        WHEN status = 'active' AND legal_basis = '143.5' THEN 'resumedAfterMandate'
        WHEN status = 'active' THEN 'reinstated'
        WHEN status = 'terminated' THEN 'terminated'
        ELSE 'deprived' END;
    CREATE TRIGGER license_status_history_no_update BEFORE UPDATE ON license_status_history
    BEGIN SELECT RAISE(ABORT, 'license_status_history is append-only'); END;

    -- entry: the history entry that set it; NULL for a trigger outside the license's
    -- history (an absence over a month, 148.1.9-2), whose transfer job names it instead.
    CREATE TABLE license_deadline (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        entry INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('bailiffHandover', 'chamberTransferMeasures', 'suspensionTermReview')),
        owner TEXT NOT NULL,
        due_on TEXT NOT NULL,
        set_at_ms INTEGER NOT NULL,
        closed_at_ms INTEGER,
        closed_by TEXT,
        alerted_at_ms INTEGER,
        UNIQUE (license_number, entry, kind)
    ) STRICT;
    CREATE INDEX license_deadline_open ON license_deadline(due_on, id) WHERE closed_at_ms IS NULL;

    CREATE TABLE disciplinary_proceeding (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        opened_on TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        source TEXT NOT NULL,
        closed_on TEXT,
        outcome TEXT,
        CHECK (closed_on IS NULL OR closed_on >= opened_on)
    ) STRICT;
    CREATE INDEX disciplinary_proceeding_by_license ON disciplinary_proceeding(license_number, id);

    CREATE TABLE working_calendar (
        id INTEGER PRIMARY KEY,
        imported_at_ms INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        document BLOB NOT NULL
    ) STRICT;
    """

    /// Representations to the Ministry (143.1, 144.3).
    private static let v3 = """
    CREATE TABLE proposal (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        author TEXT NOT NULL CHECK (author IN ('territorialBody', 'republicanChamber', 'regionalChamber', 'prosecutor')),
        author_identity TEXT NOT NULL,
        ground TEXT NOT NULL,
        facts TEXT NOT NULL,
        submitted_at_ms INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'declined')),
        decision_reasons TEXT,
        decided_at_ms INTEGER
    ) STRICT;
    CREATE INDEX proposal_by_state ON proposal(state, id);
    CREATE INDEX proposal_by_license ON proposal(license_number, id);
    """

    private static let v1 = """
    CREATE TABLE district (
        code TEXT PRIMARY KEY,
        kato TEXT NOT NULL UNIQUE,
        name_kk TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        name_en TEXT NOT NULL,
        republican_city INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE person (
        iin TEXT PRIMARY KEY CHECK (length(iin) = 12),
        surname TEXT NOT NULL,
        given_name TEXT NOT NULL,
        patronymic TEXT,
        residence_district TEXT NOT NULL REFERENCES district(code),
        education TEXT NOT NULL CHECK (education IN ('higherLegal', 'legalNotHigher', 'other')),
        registered_at_ms INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE person_fact (
        id INTEGER PRIMARY KEY,
        iin TEXT NOT NULL REFERENCES person(iin),
        kind TEXT NOT NULL,
        from_date TEXT NOT NULL,
        to_date TEXT,
        ground TEXT,
        reference TEXT
    ) STRICT;
    CREATE INDEX person_fact_by_person ON person_fact(iin);

    CREATE TABLE bailiff (
        iin TEXT PRIMARY KEY REFERENCES person(iin),
        district TEXT NOT NULL REFERENCES district(code),
        since TEXT NOT NULL
    ) STRICT;

    -- The State Register of licenses (142.1). holder_fold is the lower-cased
    -- surname, folded in Swift because SQLite's lower() knows ASCII only.
    CREATE TABLE license (
        number TEXT PRIMARY KEY,
        holder_iin TEXT NOT NULL REFERENCES person(iin),
        holder_fold TEXT NOT NULL,
        district TEXT NOT NULL REFERENCES district(code),
        issued_on TEXT NOT NULL,
        basis_kind TEXT NOT NULL CHECK (basis_kind IN ('attestation', 'exemption')),
        basis_reference TEXT NOT NULL,
        basis_evidence TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated', 'deprived')),
        deprivation_claim_pending INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX license_by_holder ON license(holder_iin);
    CREATE INDEX license_by_status ON license(status, number);
    CREATE INDEX license_by_district ON license(district, number);
    CREATE INDEX license_by_holder_fold ON license(holder_fold, number);

    CREATE TABLE license_number_sequence (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
    ) STRICT;

    -- Append-only: every decision on a license, never rewritten (ARCHITECTURE "Time and law").
    CREATE TABLE license_status_history (
        id INTEGER PRIMARY KEY,
        license_number TEXT NOT NULL REFERENCES license(number),
        status TEXT NOT NULL,
        decision_date TEXT NOT NULL,
        decided_at_ms INTEGER NOT NULL,
        effective_date TEXT NOT NULL,
        legal_basis TEXT NOT NULL,
        ground_code TEXT,
        actor TEXT NOT NULL,
        request_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX license_status_history_by_license ON license_status_history(license_number, id);
    CREATE TRIGGER license_status_history_no_update BEFORE UPDATE ON license_status_history
    BEGIN SELECT RAISE(ABORT, 'license_status_history is append-only'); END;
    CREATE TRIGGER license_status_history_no_delete BEFORE DELETE ON license_status_history
    BEGIN SELECT RAISE(ABORT, 'license_status_history is append-only'); END;

    -- Hash-chained audit log: hash = SHA-256(prev_hash || canonical content).
    CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        principal TEXT NOT NULL,
        method TEXT NOT NULL,
        request_id TEXT NOT NULL,
        request_digest TEXT NOT NULL,
        outcome TEXT NOT NULL,
        subject TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

    -- First result of each idempotent mutation, per caller and key.
    CREATE TABLE idempotency_key (
        principal TEXT NOT NULL,
        key TEXT NOT NULL,
        method TEXT NOT NULL,
        request_digest TEXT NOT NULL,
        result BLOB NOT NULL,
        created_at_ms INTEGER NOT NULL,
        PRIMARY KEY (principal, key)
    ) STRICT;

    -- Domain events for other parts of the system (case transfer, publication), written
    -- in the same transaction as the decision that raised them.
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        subject TEXT NOT NULL,
        payload TEXT NOT NULL
    ) STRICT;
    """
}
