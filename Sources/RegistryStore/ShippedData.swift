import Foundation
import Licensing

/// Reference data shipped with the registry, read at the edge so the domain stays free of I/O.
public enum ShippedData {
    /// The Kazakhstan working calendar for 2024–2027 (REFERENCE-DATA.md §2), which the
    /// Ministry can replace year by year (`registry-admin calendar import`).
    public static func workingCalendarFile() throws -> WorkingCalendarFile {
        guard let url = Bundle.module.url(forResource: "kazakhstan-working-calendar", withExtension: "json") else {
            throw StoreCorruption("the shipped working calendar is missing from the build")
        }
        return try WorkingCalendarFile.decode(Data(contentsOf: url))
    }

    public static func workingCalendar() throws -> WorkingCalendar {
        try workingCalendarFile().calendar()
    }
}
