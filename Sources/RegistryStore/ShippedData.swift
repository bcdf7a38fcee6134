import Foundation
import Licensing

/// Reference data shipped with the registry, read at the edge so the domain stays free of I/O.
public enum ShippedData {
    /// The Kazakhstan working calendar for 2024–2027 (REFERENCE-DATA.md §2), which the
    /// Ministry can replace with a newer file.
    public static func workingCalendar() throws -> WorkingCalendar {
        guard let url = Bundle.module.url(forResource: "kazakhstan-working-calendar", withExtension: "json") else {
            throw StoreCorruption("the shipped working calendar is missing from the build")
        }
        return try WorkingCalendarFile.parse(Data(contentsOf: url))
    }
}
