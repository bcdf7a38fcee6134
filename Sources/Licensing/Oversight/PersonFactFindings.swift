import Enforcement

/// The monitor over a license holder's recorded facts (167(11-1): the Ministry checks that
/// bailiffs keep meeting the Law): a fact that ends his right to hold the license becomes a
/// draft 144.1 termination for the territorial body that controls him (168.1.2-1) to submit,
/// once per fact entry. A draft is never a decision; the Ministry decides.
public enum PersonFactFindings {
    public static func findings(license: License, facts: [RecordedFact], on date: LocalDate) -> [MonitorFinding] {
        // As of `date`: a license not yet issued or already ended has nothing to terminate.
        guard let status = license.status(at: Instant(endOf: date)), !status.isFinal else { return [] }
        var found: [MonitorFinding] = []
        func add(_ ground: LicenseGround, _ recorded: RecordedFact, _ what: String) {
            found.append(
                MonitorFinding(
                    license: license.number, ground: ground, author: .territorialBody,
                    facts: "\(what) (person fact entry \(recorded.entry)\(recorded.fact.reference.map { ", \($0)" } ?? ""))",
                    monitor: "monitor:person-facts", key: "person-fact:\(license.number):\(recorded.entry)"))
        }
        // Happened while he held the license (an earlier event was weighed at issue, 142).
        func sinceIssue(_ fact: PersonFact) -> Bool { license.issuedOn <= fact.from && fact.from <= date }
        for recorded in facts {
            let fact = recorded.fact
            switch fact.kind {
            case .citizenship:
                // Art. 144.1.1: citizenship of the Republic ended.
                if let end = fact.to, end <= date, fact.covers(license.issuedOn),
                    !facts.contains(where: { $0.fact.kind == .citizenship && $0.fact.covers(date) })
                {
                    add(.t144_1_1, recorded, "citizenship of the Republic of Kazakhstan ended on \(end)")
                }
            case .conviction where fact.covers(date):
                // Art. 144.1.2: a guilty verdict in force.
                add(.t144_1_2, recorded, "a guilty verdict in force since \(fact.from)")
            case .incapacity where fact.covers(date):
                // Art. 144.1.3: declared incapable or of limited capacity by a decision in force.
                add(.t144_1_3, recorded, "declared legally incapable or of limited capacity since \(fact.from)")
            case .death where fact.from <= date:
                // Art. 144.1.4 (and 144.1.3 for a court's declaration of death or disappearance).
                add(.t144_1_4, recorded, "died or was declared dead on \(fact.from)")
            case .releaseFromCriminalLiability where sinceIssue(fact) && Eligibility.isBarringRelease(fact.ground):
                // Art. 144.1.5: released from criminal liability on a CPC 35.1(3),(4),(9),(10),(12) or 36 ground.
                add(.t144_1_5, recorded, "released from criminal liability on \(fact.ground ?? "") on \(fact.from)")
            case .compulsoryMedicalMeasures where sinceIssue(fact):
                // Art. 144.1.6: a decision applying compulsory medical measures in force.
                add(.t144_1_6, recorded, "compulsory medical measures applied by a decision in force since \(fact.from)")
            case .mentalHealthRegistration where fact.covers(date):
                // Art. 140.2.7 bars him; 144.1 lists no ground of its own, so the draft rests on the
                // general grounds (the Law on Permits: the licensee no longer meets the requirements).
                add(.tGeneral, recorded, "on record at a mental-health organization since \(fact.from), which 140.2.7 bars")
            default:
                break
            }
        }
        return found
    }
}
