extension RegistryMigrations {
    /// Complaints about bailiffs (162.1.2-2, 163-1.1.3-1, 168.2.4) and what they led to.
    static let v10 = """
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
}
