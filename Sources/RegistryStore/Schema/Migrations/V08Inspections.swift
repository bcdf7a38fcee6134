extension RegistryMigrations {
    /// Inspections (169), their document requests (169.5) and the violations they or other acts
    /// establish (the facts of 143.2.2, 143.2.6, 144.2.1).
    static let v8 = """
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
}
