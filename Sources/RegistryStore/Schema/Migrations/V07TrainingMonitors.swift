extension RegistryMigrations {
    /// Training records (148.1.9-1), and proposals that monitors draft: two more states
    /// (draft, withdrawn) and the key that makes a monitor's finding a draft only once.
    /// SQLite cannot change a CHECK in place, so the proposal table is rebuilt with its rows.
    static let v7 = """
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
}
