import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// `mayPractise` (DOMAIN.md §5.4, §9.5-6) from every fact the registry records: the license
    /// in force at `at`, his Chamber membership (140.1), his insurance (146), his accounting
    /// registration (168.1.4), a recorded absence of more than a month (148.1.9-2) and other paid
    /// activity (149). A record the Law requires and the registry lacks means "may not". The
    /// same answer serves MayPractise and the choice of receivers and substitutes (INV-15).
    static func practiceAssessment(licenses: [License], at: Instant, store: some StoreQueries, mci: MCITable? = nil) throws
        -> PracticeAssessment
    {
        let first = PracticeAssessment.assess(licenses: licenses, at: at)
        guard let license = first.license else { return first }
        let date = at.kazakhstanDate
        let absence = try store.longAbsences(of: license.number.value).last { $0.covers(date) }
        let recorded: [PracticeCondition: PracticeAssessment.Outcome] = [
            .chamberMembership: PracticeAssessment.membershipOutcome(try store.memberships(of: license.number), on: date),
            // 146.2-1: the minimum of the district he is placed in on the day (142.4: the license is general).
            .insurance: PracticeAssessment.insuranceOutcome(
                try store.insuranceContracts(of: license.number),
                district: try store.placement(of: license.number, on: date) ?? license.district, on: date,
                mci: try mci ?? store.mciTable()),
            .accountingRegistration: PracticeAssessment.registrationOutcome(
                try store.accountingRegistrations(of: license.number), on: date),
            .noOtherPaidActivity: PracticeAssessment.otherActivityOutcome(try store.otherPaidActivities(of: license.number), on: date),
            // An absence is a recorded status: none covering the day means he is at his post.
            .noLongAbsence: absence.map {
                .notMet("absent since \($0.from)\($0.until.map { ", expected back after \($0)" } ?? "") (\($0.reference))")
            } ?? .met,
        ]
        return PracticeAssessment.assess(licenses: licenses, at: at, recorded: recorded)
    }
}
