extension RegistryMigrations {
    /// The penalty a disciplinary proceeding ends with (170), and quarterly dues (148.1.5-2)
    /// with the periods exempt from them (172-1(3)).
    static let v9 = """
        ALTER TABLE disciplinary_proceeding ADD COLUMN penalty TEXT CHECK (penalty IN ('warning', 'reprimand', 'severeReprimand', 'expulsion'));

        CREATE TABLE dues_payment (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            quarter TEXT NOT NULL,
            paid_on TEXT NOT NULL,
            reference TEXT NOT NULL,
            UNIQUE (license_number, quarter)
        ) STRICT;

        CREATE TABLE dues_exemption (
            id INTEGER PRIMARY KEY,
            license_number TEXT NOT NULL REFERENCES license(number),
            reason TEXT NOT NULL CHECK (reason IN ('childCare', 'incapacity')),
            from_date TEXT NOT NULL,
            to_date TEXT NOT NULL,
            reference TEXT NOT NULL,
            CHECK (from_date <= to_date)
        ) STRICT;
        """
}
