import Enforcement

/// A legal ground that the recorded facts support, found by a monitor (issue: "monitors that
/// turn facts into proposals"): it becomes a draft proposal for the right body, once per `key`,
/// never a decision.
public struct MonitorFinding: Hashable, Sendable {
    public let license: LicenseNumber
    public let ground: LicenseGround
    public let author: ProposalAuthor
    public let facts: String
    /// The monitor that found it, e.g. "monitor:training".
    public let monitor: String
    /// The same fact gives the same key, so a monitor run again adds nothing.
    public let key: String
}

/// The monitors over the facts this registry records. Each looks only at bailiffs for whom
/// the facts are on record (a membership for training, a contract for insurance, a payment
/// or exemption for dues), so missing records are never read as breaches.
public enum Monitors {
    public static func findings(
        license: License, memberships: [Membership], contracts: [InsuranceContract],
        trainings: [TrainingRecord], violations: [ViolationRecord] = [], duesPaid: Set<Quarter> = [],
        duesExemptions: [Dues.Exemption] = [], proceedings: [EnforcementProceeding] = [],
        otherActivities: [OtherPaidActivity] = [], mci: MCITable,
        on date: LocalDate
    ) -> [MonitorFinding] {
        // As of `date`: the status on that day, and nothing for a license not yet issued then.
        guard let status = license.status(at: Instant(endOf: date)), !status.isFinal else { return [] }
        var found: [MonitorFinding] = []
        // Art. 144.2.1: two or more violations within six consecutive calendar months; the
        // territorial body that controls him (168.1.2-1) proposes deprivation (144.3).
        if !license.deprivationClaimPending,
            let (first, second) = ViolationRecord.repeatedWithinSixMonths(violations.filter { $0.establishedOn <= date })
        {
            found.append(
                MonitorFinding(
                    license: license.number, ground: .d144_2_1, author: .territorialBody,
                    facts:
                        "violations committed on \(first.committedOn) (\(first.source)) and \(second.committedOn) (\(second.source)), within six consecutive calendar months",
                    monitor: "monitor:violations", key: "violations:\(license.number):\(first.id):\(second.id)"))
        }
        // Art. 144.2.6: other paid activity than scientific, teaching or creative, established by an act.
        if !license.deprivationClaimPending,
            let activity = otherActivities.first(where: { !$0.kind.isAllowed && $0.from <= date && $0.from >= license.issuedOn })
        {
            found.append(
                MonitorFinding(
                    license: license.number, ground: .d144_2_6, author: .territorialBody,
                    facts:
                        "engaged in other paid activity (\(activity.description)) from \(activity.from), established by \(activity.source) (149)",
                    monitor: "monitor:other-activity", key: "other-activity:\(license.number):\(activity.id)"))
        }
        // Art. 144.2.4: a month without compulsory measures on a socially significant proceeding, the
        // month running from the opening and a measure in force counting [DOMAIN §9.5-4]. Only for a
        // bailiff whose measures the enforcement system reports (at least one on record).
        if proceedings.contains(where: { $0.lastMeasureOn != nil }) {
            let idle = proceedings.compactMap { p in p.monthWithoutMeasures(on: date).map { (p, $0) } }.sorted { $0.0.number < $1.0.number }
            if let (first, since) = idle.first {
                found.append(
                    MonitorFinding(
                        license: license.number, ground: .d144_2_4, author: .territorialBody,
                        facts:
                            "\(idle.count) socially significant proceeding(s) without a compulsory measure for over a month, e.g. \(first.number) since \(since)",
                        monitor: "monitor:inaction", key: "inaction:\(license.number):\(first.number):\(since)"))
            }
        }
        guard status == .active else { return found }
        // Art. 148.1.9-1 → 143.2.5: training not taken in time; the Chamber controls training (163-1.1.6-2).
        if let start = memberships.map(\.admittedOn).min(), memberships.contains(where: { $0.isActive(on: date) }) {
            let due = TrainingRecord.due(startedOn: start, records: trainings)
            if date > due {
                found.append(
                    MonitorFinding(
                        license: license.number, ground: .s143_2_5, author: .republicanChamber,
                        facts:
                            "professional training was due by \(due) (148.1.9-1: within 6 months of starting on \(start), then every 3 years); none is recorded since"
                            + (trainings.map(\.completedOn).max().map { " the last on \($0)" } ?? " he started"),
                        monitor: "monitor:training", key: "training:\(license.number):\(due)"))
            }
        }
        // Art. 148.1.5-2 → 143.2.6: dues repeatedly unpaid (also an expulsion ground, 172-1(3)).
        // Only for a member whose dues the Chamber keeps here (a payment or an exemption on record).
        if !duesPaid.isEmpty || !duesExemptions.isEmpty,
            let admitted = memberships.filter({ $0.isActive(on: date) }).map(\.admittedOn).min()
        {
            let owed = Dues.arrears(admittedOn: admitted, paid: duesPaid, exemptions: duesExemptions, on: date)
            if owed.count >= Dues.repeatedArrears {
                found.append(
                    MonitorFinding(
                        license: license.number, ground: .s143_2_6, author: .republicanChamber,
                        facts: "quarterly dues unpaid for \(owed.map(\.description).joined(separator: ", ")) (148.1.5-2)",
                        monitor: "monitor:dues", key: "dues:\(license.number):\(owed[0]):\(owed[1])"))
            }
        }
        // Art. 146.1, 146.2-1: no valid contract, or one below the minimum: he may not practise.
        if case .notMet(let reason) = PracticeAssessment.insuranceOutcome(contracts, district: license.district, on: date, mci: mci) {
            let lastCover = contracts.map(\.validTo).max().map(\.description) ?? "-"
            found.append(
                MonitorFinding(
                    license: license.number, ground: .sGeneral, author: .republicanChamber,
                    facts: "professional liability insurance (146.1): \(reason) on \(date)",
                    monitor: "monitor:insurance", key: "insurance:\(license.number):\(lastCover):\(contracts.count)"))
        }
        return found
    }
}
