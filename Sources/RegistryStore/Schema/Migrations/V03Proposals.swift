extension RegistryMigrations {
    /// Representations to the Ministry (143.1, 144.3).
    static let v3 = """
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
}
