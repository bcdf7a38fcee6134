import Enforcement
import GRDB

/// The 20 enforcement districts, seeded by the first migration.
enum DistrictSeed {
    static func insertAll(_ db: Database) throws {
        for d in EnforcementDistrict.all {
            try db.execute(
                sql: "INSERT INTO district (code, kato, name_kk, name_ru, name_en, republican_city) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [d.code, d.kato, d.nameKazakh, d.nameRussian, d.nameEnglish, d.isRepublicanCity]
            )
        }
    }
}
