extension RegistryMigrations {
    /// Counting, staff and documents (issue 10 §5–§7):
    /// - the MCI by effective date (146.2-1: the MCI in force on the contract's day); the yearly
    ///   rows of v11 become rates from 1 January and the `mci` table is no longer read;
    /// - the register of assistants (156.1-1, 156.2): who, for which bailiff, on which labour
    ///   contract and training certificate;
    /// - the register of service ID cards and personal seals (154) and their destruction, and the
    ///   license document withdrawn for the Ministry on termination or deprivation (144.4).
    static let v17 = """
        CREATE TABLE mci_rate (
            effective_from TEXT PRIMARY KEY,
            tenge INTEGER NOT NULL CHECK (tenge > 0),
            source TEXT NOT NULL,
            set_by TEXT NOT NULL,
            set_at_ms INTEGER NOT NULL
        ) STRICT;
        INSERT INTO mci_rate (effective_from, tenge, source, set_by, set_at_ms)
            SELECT printf('%04d-01-01', year), tenge, source, set_by, set_at_ms FROM mci;

        CREATE TABLE assistant (
            id INTEGER PRIMARY KEY,
            iin TEXT NOT NULL REFERENCES person(iin),
            employer_license TEXT NOT NULL REFERENCES license(number),
            contract TEXT NOT NULL,
            employed_from TEXT NOT NULL,
            certificate TEXT NOT NULL,
            certificate_on TEXT NOT NULL,
            programme TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('employed', 'ended')),
            ended_on TEXT,
            end_reason TEXT,
            recorded_by TEXT NOT NULL,
            recorded_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX assistant_by_employer ON assistant(employer_license);
        CREATE INDEX assistant_by_person ON assistant(iin);

        CREATE TABLE service_document (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            kind TEXT NOT NULL CHECK (kind IN ('idCard', 'seal')),
            number TEXT NOT NULL,
            holder_name TEXT NOT NULL,
            chamber TEXT NOT NULL,
            district TEXT NOT NULL REFERENCES district(code),
            issued_on TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            destroyed_on TEXT,
            destruction_reason TEXT CHECK (destruction_reason IN ('licenseEnded', 'replaced', 'lost')),
            destruction_act TEXT,
            recorded_at_ms INTEGER NOT NULL,
            UNIQUE (kind, number)
        ) STRICT;
        CREATE UNIQUE INDEX service_document_one_live ON service_document(license_number, kind) WHERE destroyed_on IS NULL;

        CREATE TABLE license_withdrawal (
            license_number TEXT PRIMARY KEY REFERENCES license(number),
            withdrawn_on TEXT NOT NULL,
            act TEXT NOT NULL,
            district TEXT NOT NULL REFERENCES district(code),
            recorded_by TEXT NOT NULL,
            recorded_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE TRIGGER license_withdrawal_no_update BEFORE UPDATE ON license_withdrawal
        BEGIN SELECT RAISE(ABORT, 'license_withdrawal is append-only'); END;
        """
}
