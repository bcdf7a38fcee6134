extension RegistryMigrations {
    /// The whole lifecycle (143, 144): what each history entry decided (an entry may
    /// leave the status as it was: a refused reinstatement, a claim filed or dismissed),
    /// the document behind it and the entry an annulment annuls; the deadlines decisions
    /// set (148.1.9-2, 162.1.2-3, 143.3); disciplinary proceedings, which 144.5 reads;
    /// and the Ministry's imported working calendars.
    ///
    /// Entries written before v4 get their kind from their status and position. That is
    /// the one rewrite of history there is, so the append-only trigger is lifted for it
    /// and put back in the same transaction.
    static let v4 = """
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
}
