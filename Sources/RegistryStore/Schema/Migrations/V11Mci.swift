extension RegistryMigrations {
    /// The Ministry's MCI values, over the shipped table (a new year's budget law, a correction).
    static let v11 = """
        CREATE TABLE mci (
            year INTEGER PRIMARY KEY,
            tenge INTEGER NOT NULL CHECK (tenge > 0),
            source TEXT NOT NULL,
            set_by TEXT NOT NULL,
            set_at_ms INTEGER NOT NULL
        ) STRICT;
        """
}
