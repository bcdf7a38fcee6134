extension RegistryMigrations {
    /// Decisions on current facts (issue 10):
    /// - a person's facts become an append-only history: each entry records a fact, ends a
    ///   period (`target` = the entry it ends), corrects an entry (`target` superseded, with
    ///   `reason`) or withdraws one; who recorded it, when, and from which source;
    /// - facts recorded at registration before v16 keep their rows and count as recorded then;
    /// - the territorial body's accounting registration (168.1.4) and other paid activity (149)
    ///   become records: practice needs the first and is barred by the second (other kinds);
    /// - a license is general (142.4): the bailiff's district is the Chamber's placement
    ///   (163-1.1.3-2), kept as a history; `license.district` caches the current one. Active
    ///   memberships become the first placements.
    static let v16 = """
        ALTER TABLE person_fact ADD COLUMN value TEXT;
        ALTER TABLE person_fact ADD COLUMN source TEXT NOT NULL DEFAULT 'registration';
        ALTER TABLE person_fact ADD COLUMN recorded_at_ms INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE person_fact ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
        ALTER TABLE person_fact ADD COLUMN change TEXT NOT NULL DEFAULT 'records'
            CHECK (change IN ('records', 'ends', 'corrects', 'withdraws'));
        ALTER TABLE person_fact ADD COLUMN target INTEGER REFERENCES person_fact(id);
        ALTER TABLE person_fact ADD COLUMN reason TEXT;
        UPDATE person_fact SET recorded_at_ms = (SELECT registered_at_ms FROM person WHERE person.iin = person_fact.iin),
            recorded_by = 'registration (before v16)';
        CREATE TRIGGER person_fact_no_update BEFORE UPDATE ON person_fact
        BEGIN SELECT RAISE(ABORT, 'person_fact is append-only'); END;
        CREATE TRIGGER person_fact_no_delete BEFORE DELETE ON person_fact
        BEGIN SELECT RAISE(ABORT, 'person_fact is append-only'); END;

        CREATE TABLE accounting_registration (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            registered_on TEXT NOT NULL,
            region TEXT NOT NULL REFERENCES district(code),
            reference TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX accounting_registration_by_license ON accounting_registration(license_number);

        CREATE TABLE other_paid_activity (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            kind TEXT NOT NULL CHECK (kind IN ('scientific', 'teaching', 'creative', 'other')),
            from_date TEXT NOT NULL,
            to_date TEXT,
            description TEXT NOT NULL,
            source TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX other_paid_activity_by_license ON other_paid_activity(license_number);

        CREATE TABLE placement (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            district TEXT NOT NULL REFERENCES district(code),
            from_date TEXT NOT NULL,
            decision TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX placement_by_license ON placement(license_number, from_date);
        CREATE TRIGGER placement_no_update BEFORE UPDATE ON placement
        BEGIN SELECT RAISE(ABORT, 'placement is append-only'); END;
        CREATE TRIGGER placement_no_delete BEFORE DELETE ON placement
        BEGIN SELECT RAISE(ABORT, 'placement is append-only'); END;
        INSERT INTO placement (license_number, district, from_date, decision, recorded_by, recorded_at_ms)
            SELECT license_number, district, admitted_on, admission_decision, 'membership (before v16)', 0 FROM membership WHERE status = 'active';
        UPDATE license SET district = (SELECT m.district FROM membership m WHERE m.license_number = license.number AND m.status = 'active')
            WHERE EXISTS (SELECT 1 FROM membership m WHERE m.license_number = license.number AND m.status = 'active');
        """
}
