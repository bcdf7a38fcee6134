/// An enforcement district (атқарушылық округ, Art. 152): the territory of one
/// region, city of republican significance or the capital, served by one
/// regional chamber. There are 20: 17 oblasts plus Astana, Almaty and Shymkent.
public struct EnforcementDistrict: Hashable, Sendable, Codable, Identifiable {
    /// Stable lower-case code used on the wire and in certificates, e.g. "almaty-city".
    public let code: String
    /// Two-digit KATO prefix, equal to the ISO 3166-2:KZ number.
    public let kato: String
    public let nameKazakh: String
    public let nameRussian: String
    public let nameEnglish: String
    /// Astana, Almaty, Shymkent: the insurance minimum there is 1,000 MCI instead of 500 (146.2-1).
    public let isRepublicanCity: Bool

    public var id: String { code }
    public var isoCode: String { "KZ-\(kato)" }

    public init(code: String, kato: String, nameKazakh: String, nameRussian: String, nameEnglish: String, isRepublicanCity: Bool) {
        self.code = code
        self.kato = kato
        self.nameKazakh = nameKazakh
        self.nameRussian = nameRussian
        self.nameEnglish = nameEnglish
        self.isRepublicanCity = isRepublicanCity
    }

    /// Looks a district up by its code (or its KATO prefix).
    public static func named(_ code: String) -> EnforcementDistrict? {
        byCode[code] ?? all.first { $0.kato == code }
    }

    private static let byCode: [String: EnforcementDistrict] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
}
