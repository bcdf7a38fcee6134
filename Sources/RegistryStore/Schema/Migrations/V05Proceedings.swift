extension RegistryMigrations {
    /// Enforcement proceedings and their transfers (143.6, 144.4, 148.1.9-2, 162.1.2-3).
    /// A proceeding has one holder column: a license number, or NULL for the regional
    /// chamber of its district, so "exactly one holder" (INV-14) holds by construction.
    /// What is only shown (document, parties, amounts) is a JSON document; what is
    /// queried has its own column. Every change of holder is an append-only row.
    static let v5 = """
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
}
