import Enforcement
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

    /// The MCI by effective date (REFERENCE-DATA.md §3); the Ministry adds a rate with `registry-admin mci set`.
    public static func mciTable() throws -> MCITable {
        guard let url = Bundle.module.url(forResource: "mci-rates", withExtension: "json") else {
            throw StoreCorruption("the shipped MCI table is missing from the build")
        }
        struct File: Decodable {
            struct Rate: Decodable {
                var from: String
                var tenge: Int64
            }
            var rates: [Rate]
        }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        return MCITable(
            rates: try file.rates.map { rate in
                guard let from = LocalDate(rate.from) else {
                    throw StoreCorruption("the shipped MCI table has a malformed date '\(rate.from)'")
                }
                return MCITable.Rate(from: from, tenge: rate.tenge)
            })
    }

    /// Parsed once per process: the file is part of the build.
    static let cachedMCI: MCITable? = try? mciTable()
}
