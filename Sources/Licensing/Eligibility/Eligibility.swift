import Enforcement

/// `eligibleAsPrivateBailiff(p, D)` of DOMAIN.md §5.1: the positive requirements
/// of 140.1 and the disqualifications of 140.2, evaluated from dated facts.
///
/// One anniversary rule for every window of 140.2 (stated once, here, and applied by `barred`):
/// "N years from event E" bars from E through the day before E + N years; on the anniversary he
/// is free, and that day is the rejection's retry_on. An E of 29 February has its anniversary on
/// 28 February (month-end clamp). 140.2.6, worded "within 3 years before the grant", reads the
/// same way: a penalty of A bars a grant on G while A ≤ G < A + 3 years.
public enum Eligibility {
    /// Every requirement the person fails at `date`; empty means eligible.
    public static func disqualifications(of person: Person, on date: LocalDate) -> [Disqualification] {
        var found: [Disqualification] = []

        // Art. 140.1: a citizen of the Republic of Kazakhstan.
        if !person.facts(.citizenship).contains(where: { $0.covers(date) }) {
            found.append(
                .init(article: "140.1", reason: "NOT_A_CITIZEN", message: "not a citizen of the Republic of Kazakhstan on \(date)"))
        }
        // Art. 140.1: higher legal education.
        if person.education(on: date) != .higherLegal {
            found.append(.init(article: "140.1", reason: "NO_HIGHER_LEGAL_EDUCATION", message: "has no higher legal education on \(date)"))
        }
        // Art. 144.1.3, 144.1.4: no one may be licensed, or stay licensed, after his death is on record.
        if let died = person.death(on: date) {
            found.append(.init(article: "144.1.4", reason: "DECEASED", message: "died or was declared dead on \(died)"))
        }
        // Art. 140.2.1: declared incapable or of limited capacity, while in force.
        if person.facts(.incapacity).contains(where: { $0.covers(date) }) {
            found.append(
                .init(
                    article: "140.2.1", reason: "DECLARED_INCAPABLE",
                    message: "declared legally incapable or of limited capacity on \(date)"))
        }
        // Art. 140.2.2: a criminal record not expunged or removed.
        if person.facts(.conviction).contains(where: { $0.covers(date) }) {
            found.append(
                .init(
                    article: "140.2.2", reason: "UNEXPUNGED_CONVICTION", message: "has a criminal record not expunged or removed on \(date)"
                ))
        }
        // Art. 140.2.3: released from criminal liability on CPC 35.1(3),(4),(9),(10),(12) or CPC 36, for 3 years.
        for fact in person.facts(.releaseFromCriminalLiability) where Self.isBarringRelease(fact.ground) {
            if let end = barred(date, from: fact.from, years: 3) {
                found.append(
                    .init(
                        article: "140.2.3", reason: "RELEASED_FROM_CRIMINAL_LIABILITY",
                        message: "released from criminal liability on \(fact.ground ?? "") on \(fact.from): barred until \(end)",
                        endsOn: end))
            }
        }
        // Art. 140.2.4: dismissed on negative grounds, for 1 year.
        for fact in person.facts(.negativeDismissal) {
            if let end = barred(date, from: fact.from, years: 1) {
                found.append(
                    .init(
                        article: "140.2.4", reason: "NEGATIVE_DISMISSAL",
                        message: "dismissed on negative grounds on \(fact.from): barred until \(end)", endsOn: end))
            }
        }
        // Art. 140.2.5: released from the office of judge on ConstLaw 34.1(11) or (11-1), for 1 year.
        for fact in person.facts(.judicialRelease) where Self.isBarringJudicialRelease(fact.ground) {
            if let end = barred(date, from: fact.from, years: 1) {
                found.append(
                    .init(
                        article: "140.2.5", reason: "JUDICIAL_RELEASE",
                        message: "released from the office of judge on \(fact.ground ?? "") on \(fact.from): barred until \(end)",
                        endsOn: end))
            }
        }
        // Art. 140.2.6: an administrative corruption penalty within the 3 years before the grant.
        for fact in person.facts(.adminCorruptionPenalty) {
            if let end = barred(date, from: fact.from, years: 3) {
                found.append(
                    .init(
                        article: "140.2.6", reason: "ADMIN_CORRUPTION_PENALTY",
                        message:
                            "administrative corruption penalty imposed on \(fact.from), within 3 years before \(date): barred until \(end)",
                        endsOn: end))
            }
        }
        // Art. 140.2.7: on record for mental or behavioural disorders.
        if person.facts(.mentalHealthRegistration).contains(where: { $0.covers(date) }) {
            found.append(
                .init(
                    article: "140.2.7", reason: "MENTAL_HEALTH_REGISTRATION",
                    message: "on record at a mental-health organization on \(date)"))
        }
        // Art. 140.2.8: deprived of a private bailiff license, for 3 years from the decision's entry into force.
        for fact in person.facts(.licenseDeprivation) {
            if let end = barred(date, from: fact.from, years: 3) {
                found.append(
                    .init(
                        article: "140.2.8", reason: "LICENSE_DEPRIVED",
                        message: "deprived of a private bailiff license by a decision in force on \(fact.from): barred until \(end)",
                        endsOn: end))
            }
        }
        return found
    }

    /// The anniversary rule: the first free day when `date` falls in the window of `years` from `event`, else nil.
    public static func barred(_ date: LocalDate, from event: LocalDate, years: Int) -> LocalDate? {
        let anniversary = event.adding(years: years)
        return event <= date && date < anniversary ? anniversary : nil
    }

    public static func isEligible(_ person: Person, on date: LocalDate) -> Bool {
        disqualifications(of: person, on: date).isEmpty
    }

    /// CPC grounds of 140.2.3, normalised ("CPC 35.1(3)", "cpc 35.1 (3)", "35.1(3)").
    static let barringReleaseGrounds: Set<String> = ["35.1(3)", "35.1(4)", "35.1(9)", "35.1(10)", "35.1(12)", "36"]
    static let barringJudicialGrounds: Set<String> = ["34.1(11)", "34.1(11-1)"]

    static func normalise(_ ground: String?, dropping prefixes: [String]) -> String {
        var g = (ground ?? "").uppercased().filter { !$0.isWhitespace }
        for prefix in prefixes where g.hasPrefix(prefix) { g.removeFirst(prefix.count) }
        return g
    }

    public static func isBarringRelease(_ ground: String?) -> Bool {
        barringReleaseGrounds.contains(normalise(ground, dropping: ["CPC"]))
    }

    public static func isBarringJudicialRelease(_ ground: String?) -> Bool {
        barringJudicialGrounds.contains(normalise(ground, dropping: ["CONSTLAW"]))
    }
}
