extension RegistryMigrations {
    /// Transfers that hold under every combination of events (issue 11):
    /// - an item that cannot be moved is `quarantined` with its reason, and the job goes on;
    /// - a job plans in rounds: each round stores once the candidate set with its loads and the
    ///   bailiffs excluded with why; items keep only their receiver, so an explanation is
    ///   rebuilt by replay instead of being stored per move;
    /// - a job that failed unexpectedly waits (`retry_after_ms`) instead of stalling the others;
    /// - a replacement item moved away during the replacement is settled as `movedAway`;
    /// - a long absence (148.1.9-2) is a recorded status with its period.
    /// SQLite cannot widen a CHECK, so the two item tables are rebuilt with their rows.
    static let v15 = """
        CREATE TABLE transfer_item_v15 (
            job_id INTEGER NOT NULL REFERENCES transfer_job(id),
            proceeding_number TEXT NOT NULL REFERENCES proceeding(number),
            position INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'reassigned', 'stranded', 'quarantined')),
            receiver_license TEXT REFERENCES license(number),
            -- The planning round that decided it (NULL for items decided before rounds existed).
            round INTEGER,
            -- Why it is stranded ('competence: …', 'noReceiver') or quarantined.
            note TEXT,
            PRIMARY KEY (job_id, proceeding_number)
        ) STRICT;
        INSERT INTO transfer_item_v15 (job_id, proceeding_number, position, state, receiver_license, note)
            SELECT job_id, proceeding_number, position, state, receiver_license, CASE state WHEN 'stranded' THEN 'noReceiver' END FROM transfer_item;
        DROP TABLE transfer_item;
        ALTER TABLE transfer_item_v15 RENAME TO transfer_item;
        CREATE INDEX transfer_item_pending ON transfer_item(job_id, position) WHERE state = 'pending';
        -- By position, not by round: marking an item must not move it in an index (100,000 per job).
        CREATE INDEX transfer_item_by_position ON transfer_item(job_id, position);
        CREATE INDEX transfer_item_by_proceeding ON transfer_item(proceeding_number);

        ALTER TABLE transfer_job ADD COLUMN quarantined INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE transfer_job ADD COLUMN current_round INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE transfer_job ADD COLUMN retry_after_ms INTEGER;
        ALTER TABLE transfer_job ADD COLUMN last_error TEXT;

        CREATE TABLE transfer_round (
            job_id INTEGER NOT NULL REFERENCES transfer_job(id),
            round INTEGER NOT NULL,
            started_at_ms INTEGER NOT NULL,
            -- JSON [{license, load}] in license order: the receivers and their loads when the round began.
            candidates TEXT NOT NULL,
            -- JSON [{license, reasons}]: bailiffs of the district who were not receivers, and why.
            excluded TEXT NOT NULL,
            -- JSON {license: load}: the loads after the items this round decided so far.
            loads TEXT NOT NULL,
            PRIMARY KEY (job_id, round)
        ) STRICT;

        CREATE TABLE replacement_item_v15 (
            replacement_id INTEGER NOT NULL REFERENCES temporary_replacement(id),
            proceeding_number TEXT NOT NULL REFERENCES proceeding(number),
            state TEXT NOT NULL CHECK (state IN ('moved', 'returned', 'returnedToCreditor', 'transferred', 'movedAway')),
            PRIMARY KEY (replacement_id, proceeding_number)
        ) STRICT;
        INSERT INTO replacement_item_v15 SELECT replacement_id, proceeding_number, state FROM replacement_item;
        DROP TABLE replacement_item;
        ALTER TABLE replacement_item_v15 RENAME TO replacement_item;
        CREATE INDEX replacement_item_moved ON replacement_item(proceeding_number) WHERE state = 'moved';

        CREATE TABLE long_absence (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            from_date TEXT NOT NULL,
            -- The expected last day, when known.
            until_date TEXT,
            -- The day he is back (recorded by the chamber); absent before it.
            returned_on TEXT,
            reason TEXT NOT NULL,
            reference TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL,
            return_reference TEXT,
            CHECK (until_date IS NULL OR from_date <= until_date),
            CHECK (returned_on IS NULL OR from_date <= returned_on)
        ) STRICT;
        CREATE INDEX long_absence_by_license ON long_absence(license_number, from_date);
        -- Absences recorded before this table: the job kept "<reference>: <reason>, from <date>".
        INSERT INTO long_absence (license_number, from_date, reason, reference, recorded_by, created_at_ms)
            SELECT license_number, substr(trigger_reference, -10), trigger_reference, trigger_reference, 'migration v15', created_at_ms
            FROM transfer_job WHERE trigger = 'longAbsence' AND trigger_reference LIKE '%, from ____-__-__';

        """
}
