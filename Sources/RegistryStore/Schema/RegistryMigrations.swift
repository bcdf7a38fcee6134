import GRDB

/// The schema, as append-only migrations: a released migration is never edited;
/// a change is a new one, in its own file under Migrations/ (V01…V18 so far). Tables
/// are STRICT; legal dates are `YYYY-MM-DD` text and instants integer milliseconds
/// (GRDB's own `Date` encoding drops precision).
enum RegistryMigrations {
    /// Every migration in order: its name (recorded in the file) and its SQL.
    static let steps: [(name: String, sql: String)] = [
        ("v1-skeleton", v1), ("v2-license-decisions", v2), ("v3-proposals", v3), ("v4-lifecycle", v4),
        ("v5-proceedings", v5), ("v6-membership-insurance", v6), ("v7-training-monitors", v7), ("v8-inspections", v8),
        ("v9-penalties-dues", v9), ("v10-complaints", v10), ("v11-mci", v11), ("v12-legal-aid", v12),
        ("v13-penalty-appeals", v13), ("v14-candidates", v14), ("v15-transfer-rounds", v15),
        ("v16-legal-fidelity", v16), ("v17-staff-and-documents", v17), ("v18-narrow-proceedings", v18),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in steps {
            migrator.registerMigration(step.name) { db in
                try db.execute(sql: step.sql)
                // The 20 enforcement districts come with the first schema (152.1).
                if step.name == "v1-skeleton" { try DistrictSeed.insertAll(db) }
            }
        }
        return migrator
    }
}
