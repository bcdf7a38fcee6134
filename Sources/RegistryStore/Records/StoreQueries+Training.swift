import Enforcement
import GRDB
import Licensing

extension StoreQueries {
    public func trainings(of license: LicenseNumber) throws -> [TrainingRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM training WHERE license_number = ? ORDER BY completed_on, id", arguments: [license.value])
            .map { row in
                guard let number = LicenseNumber(row["license_number"] as String), let completed = LocalDate(row["completed_on"] as String)
                else {
                    throw StoreCorruption("training \(row["id"] as Int64) has a malformed row")
                }
                return TrainingRecord(
                    id: row["id"], licenseNumber: number, completedOn: completed, programme: row["programme"],
                    certificate: row["certificate"])
            }
    }
}

extension StoreTransaction {
    public func insert(_ training: TrainingRecord, recordedBy: String) throws -> TrainingRecord {
        try db.execute(
            sql: "INSERT INTO training (license_number, completed_on, programme, certificate, recorded_by) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                training.licenseNumber.value, training.completedOn.description, training.programme, training.certificate, recordedBy,
            ])
        var stored = training
        stored.id = db.lastInsertedRowID
        return stored
    }
}
