extension RegistryMigrations {
    /// The appeal of a disciplinary penalty (170.3, per the charter): upheld or annulled.
    static let v13 = """
        ALTER TABLE disciplinary_proceeding ADD COLUMN appeal_outcome TEXT CHECK (appeal_outcome IN ('upheld', 'annulled'));
        ALTER TABLE disciplinary_proceeding ADD COLUMN appeal_decision TEXT;
        """
}
