import Enforcement
import Licensing
import RegistryStore

/// The checks many use cases open with: the license exists, a bailiff acts only on his own
/// record, a regional body only in its own region.
extension RegistryCore {
    static func requireLicense(_ text: String, field: String = "number", tx: some StoreQueries) throws -> License {
        try requireLicense(LicenseNumber.parse(text, field: field), tx: tx)
    }

    static func requireLicense(_ number: LicenseNumber, tx: some StoreQueries) throws -> License {
        guard let license = try tx.license(number) else {
            throw Rejection(.notFound, reason: "LICENSE_NOT_FOUND", message: "no license \(number) in the register")
        }
        return license
    }

    /// A bailiff sees and submits only what concerns his own license; the bodies of §2.13 all.
    static func requireOwnRecord(_ principal: Principal, license: LicenseNumber, what: String, article: Article? = nil) throws(Rejection) {
        guard principal.role == .bailiff, principal.licenseNumber != license else { return }
        throw Rejection(.permissionDenied, reason: "NOT_HIS_RECORD", message: "a bailiff sees only his own \(what)", article: article)
    }

    /// Territorial bodies and regional chambers act for their own region.
    static func requireOwnRegion(_ principal: Principal, license: License, article: Article) throws(Rejection) {
        guard let region = principal.regionalScope else { return }
        guard region == license.district else {
            throw Rejection(
                .permissionDenied, reason: "OTHER_REGION", message: "license \(license.number) is of \(license.district), not of \(region)",
                article: article)
        }
    }

    /// The day a record is dated: the one given, or today; never after today.
    static func recordedDay(_ given: LocalDate?, field: String, now: Instant) throws(Rejection) -> LocalDate {
        let today = now.kazakhstanDate
        let day = given ?? today
        guard day <= today else { throw Rejection.invalid(field, "\(day) is in the future (today is \(today))") }
        return day
    }
}
