extension RegistryMigrations {
    /// Decisions of the license lifecycle (143, 144): a suspension's term, every
    /// decision's reasons and the proposal it answers are kept in the history entry itself.
    static let v2 = """
        ALTER TABLE license_status_history ADD COLUMN term_end TEXT;
        ALTER TABLE license_status_history ADD COLUMN reasons TEXT;
        ALTER TABLE license_status_history ADD COLUMN proposal TEXT;
        """
}
