extension RegistryMigrations {
    /// Bailiffs' monthly legal-aid reports (103-1.4).
    static let v12 = """
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
}
