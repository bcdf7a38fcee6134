import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// `mayPractise` (DOMAIN.md §5.4) from every fact the registry records: the license in
    /// force at `at`, his Chamber membership (140.1) and his insurance (146). The same
    /// answer serves MayPractise and the choice of receiving bailiffs (INV-15).
    static func practiceAssessment(licenses: [License], at: Instant, store: some StoreQueries) throws -> PracticeAssessment {
        let first = PracticeAssessment.assess(licenses: licenses, at: at)
        guard let license = first.license else { return first }
        let date = at.kazakhstanDate
        let recorded: [PracticeCondition: PracticeAssessment.Outcome] = [
            .chamberMembership: PracticeAssessment.membershipOutcome(try store.memberships(of: license.number), on: date),
            .insurance: PracticeAssessment.insuranceOutcome(try store.insuranceContracts(of: license.number), district: license.district, on: date, mci: try store.mciTable()),
        ]
        return PracticeAssessment.assess(licenses: licenses, at: at, recorded: recorded)
    }
}
