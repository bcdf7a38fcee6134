extension RegistryMigrations {
    /// Narrow proceeding rows for mass moves (issue 11):
    /// - the details (document, parties, amounts, measures: about 400 bytes) move to their own
    ///   table, so the hand-over and every transfer batch rewrite rows of ~80 bytes, not ~500;
    /// - `transfer_item_by_position` goes: the pending items have their own partial index and
    ///   the other position-ordered reads are one job's range of the primary key.
    static let v18 = """
        CREATE TABLE proceeding_details (
            number TEXT PRIMARY KEY REFERENCES proceeding(number),
            details TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;
        INSERT INTO proceeding_details (number, details) SELECT number, details FROM proceeding;
        ALTER TABLE proceeding DROP COLUMN details;
        DROP INDEX transfer_item_by_position;
        """
}
