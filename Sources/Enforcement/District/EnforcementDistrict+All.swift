extension EnforcementDistrict {
    /// The 20 first-level units since 8 June 2022 (Abai, Jetisu and Ulytau created
    /// by the decree of 4 May 2022). Source: REFERENCE-DATA.md §4.
    public static let all: [EnforcementDistrict] = [
        .init(
            code: "abai", kato: "10", nameKazakh: "Абай облысы", nameRussian: "область Абай", nameEnglish: "Abai Region",
            isRepublicanCity: false),
        .init(
            code: "akmola", kato: "11", nameKazakh: "Ақмола облысы", nameRussian: "Акмолинская область", nameEnglish: "Akmola Region",
            isRepublicanCity: false),
        .init(
            code: "aktobe", kato: "15", nameKazakh: "Ақтөбе облысы", nameRussian: "Актюбинская область", nameEnglish: "Aktobe Region",
            isRepublicanCity: false),
        .init(
            code: "almaty-region", kato: "19", nameKazakh: "Алматы облысы", nameRussian: "Алматинская область",
            nameEnglish: "Almaty Region", isRepublicanCity: false),
        .init(
            code: "atyrau", kato: "23", nameKazakh: "Атырау облысы", nameRussian: "Атырауская область", nameEnglish: "Atyrau Region",
            isRepublicanCity: false),
        .init(
            code: "west-kazakhstan", kato: "27", nameKazakh: "Батыс Қазақстан облысы", nameRussian: "Западно-Казахстанская область",
            nameEnglish: "West Kazakhstan Region", isRepublicanCity: false),
        .init(
            code: "jambyl", kato: "31", nameKazakh: "Жамбыл облысы", nameRussian: "Жамбылская область", nameEnglish: "Jambyl Region",
            isRepublicanCity: false),
        .init(
            code: "jetisu", kato: "33", nameKazakh: "Жетісу облысы", nameRussian: "область Жетісу", nameEnglish: "Jetisu Region",
            isRepublicanCity: false),
        .init(
            code: "karaganda", kato: "35", nameKazakh: "Қарағанды облысы", nameRussian: "Карагандинская область",
            nameEnglish: "Karaganda Region", isRepublicanCity: false),
        .init(
            code: "kostanay", kato: "39", nameKazakh: "Қостанай облысы", nameRussian: "Костанайская область",
            nameEnglish: "Kostanay Region", isRepublicanCity: false),
        .init(
            code: "kyzylorda", kato: "43", nameKazakh: "Қызылорда облысы", nameRussian: "Кызылординская область",
            nameEnglish: "Kyzylorda Region", isRepublicanCity: false),
        .init(
            code: "mangystau", kato: "47", nameKazakh: "Маңғыстау облысы", nameRussian: "Мангистауская область",
            nameEnglish: "Mangystau Region", isRepublicanCity: false),
        .init(
            code: "pavlodar", kato: "55", nameKazakh: "Павлодар облысы", nameRussian: "Павлодарская область",
            nameEnglish: "Pavlodar Region", isRepublicanCity: false),
        .init(
            code: "north-kazakhstan", kato: "59", nameKazakh: "Солтүстік Қазақстан облысы", nameRussian: "Северо-Казахстанская область",
            nameEnglish: "North Kazakhstan Region", isRepublicanCity: false),
        .init(
            code: "turkistan", kato: "61", nameKazakh: "Түркістан облысы", nameRussian: "Туркестанская область",
            nameEnglish: "Turkistan Region", isRepublicanCity: false),
        .init(
            code: "ulytau", kato: "62", nameKazakh: "Ұлытау облысы", nameRussian: "область Ұлытау", nameEnglish: "Ulytau Region",
            isRepublicanCity: false),
        .init(
            code: "east-kazakhstan", kato: "63", nameKazakh: "Шығыс Қазақстан облысы", nameRussian: "Восточно-Казахстанская область",
            nameEnglish: "East Kazakhstan Region", isRepublicanCity: false),
        .init(
            code: "astana", kato: "71", nameKazakh: "Астана қаласы", nameRussian: "город Астана", nameEnglish: "Astana",
            isRepublicanCity: true),
        .init(
            code: "almaty-city", kato: "75", nameKazakh: "Алматы қаласы", nameRussian: "город Алматы", nameEnglish: "Almaty",
            isRepublicanCity: true),
        .init(
            code: "shymkent", kato: "79", nameKazakh: "Шымкент қаласы", nameRussian: "город Шымкент", nameEnglish: "Shymkent",
            isRepublicanCity: true),
    ]
}
