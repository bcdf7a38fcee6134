extension RegistryMigrations {
    /// Chamber membership (140.1, 172-1) and professional liability insurance (146): the
    /// facts `mayPractise` reads beyond the license. One active membership per license.
    static let v6 = """
        CREATE TABLE membership (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            district TEXT NOT NULL REFERENCES district(code),
            admitted_on TEXT NOT NULL,
            admission_decision TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('active', 'expelled', 'left')),
            ended_on TEXT,
            expulsion_ground TEXT,
            end_decision TEXT,
            CHECK (ended_on IS NULL OR ended_on >= admitted_on),
            CHECK ((status = 'active') = (ended_on IS NULL))
        ) STRICT;
        CREATE UNIQUE INDEX membership_one_active ON membership(license_number) WHERE status = 'active';
        CREATE INDEX membership_by_license ON membership(license_number, id);

        CREATE TABLE insurance_contract (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            insurer TEXT NOT NULL,
            contract_number TEXT NOT NULL,
            concluded_on TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_to TEXT NOT NULL,
            sum_tiyn INTEGER NOT NULL CHECK (sum_tiyn > 0),
            recorded_by TEXT NOT NULL,
            recorded_at_ms INTEGER NOT NULL,
            CHECK (valid_from <= valid_to),
            UNIQUE (insurer, contract_number)
        ) STRICT;
        CREATE INDEX insurance_contract_by_license ON insurance_contract(license_number, valid_to);
        """
}
