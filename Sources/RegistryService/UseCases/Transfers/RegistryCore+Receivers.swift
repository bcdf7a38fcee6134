import Enforcement
import Licensing
import RegistryStore

/// Who may receive a district's proceedings at an instant, and who may not and why.
struct ReceiverSet: Sendable {
    var receivers: [String: License]
    var excluded: [ExcludedBailiff]

    var candidateLicenses: [String] { receivers.keys.sorted() }
}

extension RegistryCore {
    /// Eligible receivers (DOMAIN.md §7.1, §9.5-6, INV-15): bailiffs of the district who may practise
    /// now on positive proof (license active, membership, insurance, registration on record; no
    /// long absence: 148.1.9-2; no other paid activity: 149),
    /// who are not under a temporary replacement themselves (153-1) and are not the outgoing
    /// one. Every other bailiff of the district is listed with his reasons.
    static func receiverSet(in district: String, excluding outgoing: String, at now: Instant, tx: some StoreQueries) throws -> ReceiverSet {
        let licenses = try tx.licenses(matching: LicenseFilter(district: district), after: nil, limit: Int.max)
        let today = now.kazakhstanDate
        let replaced = try tx.replacedLicenses(on: today)
        let mci = try tx.mciTable()
        var set = ReceiverSet(receivers: [:], excluded: [])
        for license in licenses {
            let number = license.number.value
            var reasons: [String] = []
            if number == outgoing { reasons.append("the bailiff whose proceedings are transferred") }
            if license.status != .active {
                reasons.append("license \(license.status.rawValue) (Art. \(license.status == .suspended ? "143.4" : "144.4"))")
            } else {
                let assessment = try practiceAssessment(licenses: [license], at: now, store: tx, mci: mci)
                for blocker in assessment.blockers { reasons.append("\(blocker.reason) (Art. \(blocker.condition.article))") }
            }
            if replaced.contains(number) { reasons.append("under a temporary replacement on \(today) (Art. 153-1)") }
            if reasons.isEmpty {
                set.receivers[number] = license
            } else {
                set.excluded.append(ExcludedBailiff(license: number, reasons: reasons))
            }
        }
        return set
    }
}
