import Enforcement
import Foundation
import GRDB
import Licensing

extension StoreQueries {
    /// The working calendar in force: the Ministry's latest import, or the shipped file.
    public func workingCalendarFile() throws -> WorkingCalendarFile {
        if let document = try Data.fetchOne(db, sql: "SELECT document FROM working_calendar ORDER BY id DESC LIMIT 1") {
            return try WorkingCalendarFile.decode(document)
        }
        return try ShippedData.workingCalendarFile()
    }

    public func workingCalendar() throws -> WorkingCalendar {
        try workingCalendarFile().calendar()
    }
}

extension StoreTransaction {
    /// Keeps `file` as the calendar in force from now on; earlier imports stay as history.
    public func importWorkingCalendar(_ file: WorkingCalendarFile, by principal: String, at now: Instant) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(
            sql: "INSERT INTO working_calendar (imported_at_ms, imported_by, document) VALUES (?, ?, ?)",
            arguments: [now.millisecondsSinceEpoch, principal, try encoder.encode(file)])
    }
}
