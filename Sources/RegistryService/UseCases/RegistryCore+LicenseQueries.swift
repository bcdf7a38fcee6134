import Enforcement
import Licensing
import RegistryStore

/// One line of the public register (167(11-3), 143.7, 163-1.1.6-5): what the Law
/// publishes and nothing more, no IIN.
public struct PublicRegisterEntry: Hashable, Sendable {
    public let holderName: String
    public let licenseNumber: LicenseNumber
    public let issuedOn: LocalDate
    public let status: LicenseStatus
    /// Date of the decision that put the license in its status; nil while active since issue.
    public let statusSince: LocalDate?
    public let district: String

    init(_ license: License) {
        holderName = license.holderName.description
        licenseNumber = license.number
        issuedOn = license.issuedOn
        status = license.status
        let decisive = license.decisiveChange()
        statusSince = decisive?.kind == .issued ? nil : decisive?.effectiveDate
        district = license.district
    }
}

extension RegistryCore {
    /// The status of a license at an instant, from its history.
    public func licenseStatus(number text: String, at instant: Instant, context: RequestContext) async throws -> (License, StatusChange?) {
        let license = try await license(number: text, context: context)
        return (license, license.change(at: instant))
    }

    /// "What happened to this license and why": every entry, and the deadlines the decisions set.
    public func licenseHistory(number text: String, context: RequestContext) async throws -> (License, [StoredDeadline]) {
        let license = try await license(number: text, context: context)
        let deadlines = try await store.read { try $0.deadlines(license: license.number, openOnly: false) }
        return (license, deadlines)
    }

    /// `mayPractise(b, D)` (DOMAIN.md §5.4) for the holder of `iin` or of license `number`.
    public func mayPractise(iin: String?, licenseNumber: String?, at instant: Instant?, context: RequestContext) async throws
        -> PracticeAssessment
    {
        let at = instant ?? clock.now()
        let holder: IIN
        switch (iin.flatMap { $0.isEmpty ? nil : $0 }, licenseNumber.flatMap { $0.isEmpty ? nil : $0 }) {
        case (let iin?, nil):
            holder = try IIN(iin)
        case (nil, let text?):
            let number = try LicenseNumber.parse(text, field: "license_number")
            guard let license = try store.license(number) else {
                throw Rejection(.notFound, reason: "LICENSE_NOT_FOUND", message: "no license \(number) in the register")
            }
            holder = license.holder
        default:
            throw Rejection.invalid("bailiff_iin", "give the bailiff's IIN or a license number, exactly one")
        }
        return try await store.read { reader in
            try Self.practiceAssessment(licenses: try reader.licenses(heldBy: holder), at: at, store: reader)
        }
    }

    /// The public register, or one of its published lists (suspended, terminated, deprived).
    public func publicRegister(status: LicenseStatus?, pageSize: Int, pageToken: String?, context: RequestContext) async throws -> (
        [PublicRegisterEntry], String?
    ) {
        let page = try await licensePage(matching: LicenseFilter(status: status), pageSize: pageSize, pageToken: pageToken)
        return (page.licenses.map(PublicRegisterEntry.init), page.nextPageToken)
    }

    /// Deadlines of one license, or the open ones overdue on a day.
    public func deadlines(licenseNumber text: String?, overdueOn: LocalDate?, context: RequestContext) async throws -> [StoredDeadline] {
        let number = try text.flatMap { $0.isEmpty ? nil : $0 }.map { text throws(Rejection) in
            try LicenseNumber.parse(text, field: "license_number")
        }
        guard number != nil || overdueOn != nil else {
            throw Rejection.invalid("overdue_on", "give a license number or the day to list overdue deadlines on")
        }
        return try await store.read { try $0.deadlines(license: number, openOnly: number == nil, dueBefore: overdueOn) }
    }
}
