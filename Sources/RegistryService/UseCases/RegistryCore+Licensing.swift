import Enforcement
import Foundation
import Licensing
import RegistryStore

/// Input of `IssueLicense`, as the edge decoded it.
public struct IssueLicenseCommand: Sendable {
    public var holderIIN: String
    /// nil = today in Kazakhstan.
    public var issueDate: LocalDate?
    public var district: String
    /// An explicit basis, only for a license issued before the registry (with `historicalSource`);
    /// otherwise the basis is read from the registry's records.
    public var basis: LicenseBasis?
    public var licenseFeePaid: Bool
    public var historicalSource: String?

    public init(
        holderIIN: String, issueDate: LocalDate?, district: String, basis: LicenseBasis?, licenseFeePaid: Bool,
        historicalSource: String? = nil
    ) {
        self.holderIIN = holderIIN
        self.issueDate = issueDate
        self.district = district
        self.basis = basis
        self.licenseFeePaid = licenseFeePaid
        self.historicalSource = historicalSource
    }
}

/// One page of `ListLicenses`.
public struct LicensePage: Sendable {
    public let licenses: [License]
    public let nextPageToken: String?
}

extension RegistryCore {
    public func issueLicense(_ command: IssueLicenseCommand, context: RequestContext) async throws -> License {
        try await mutate(context: context, subject: { "license:\($0.number)" }) { tx, now in
            let holder = try IIN(command.holderIIN)
            guard let person = try tx.person(holder) else {
                throw Rejection(
                    .failedPrecondition, reason: "PERSON_NOT_REGISTERED",
                    message: "the holder must be registered first (Registry.RegisterPerson)",
                    fieldViolations: [.init(field: "holder_iin", description: "no registered person")])
            }
            let issueDate = command.issueDate ?? now.kazakhstanDate
            let basis = try Self.basis(for: command, holder: holder, tx: tx)
            let decision = IssueLicense(
                holder: holder, issueDate: issueDate, district: command.district,
                basis: basis, licenseFeePaid: command.licenseFeePaid)
            let context = DecisionContext(actor: context.principal.uri, requestID: context.requestID, now: now)
            // The number is drawn inside the savepoint, so a refused issuance leaves no gap.
            let number = try tx.nextLicenseNumber(year: issueDate.year)
            let license = try License.issue(
                decision, person: person, existing: try tx.licenses(heldBy: holder), number: number, context: context)
            try tx.insert(license)
            try tx.appendOutbox(
                eventType: "license.issued", subject: license.number.value,
                payload: #"{"number":"\#(license.number)","district":"\#(license.district)","issued_on":"\#(license.issuedOn)"}"#, at: now)
            return license
        }
    }

    public func license(number text: String, context: RequestContext) async throws -> License {
        let number = try LicenseNumber.parse(text, field: "number")
        guard let license = try store.license(number) else {
            throw Rejection(.notFound, reason: "LICENSE_NOT_FOUND", message: "no license \(number) in the register")
        }
        return license
    }

    public static let defaultPageSize = 50
    public static let maxPageSize = 500

    public func licenses(matching filter: LicenseFilter, pageSize: Int, pageToken: String?, context: RequestContext) async throws
        -> LicensePage
    {
        return try await licensePage(matching: filter, pageSize: pageSize, pageToken: pageToken)
    }

    /// One page of the register in number order; the token carries the last number seen.
    func licensePage(matching filter: LicenseFilter, pageSize: Int, pageToken: String?) async throws -> LicensePage {
        if let district = filter.district, EnforcementDistrict.named(district)?.code != district {
            throw Rejection.invalid("district", "unknown district code '\(district)'")
        }
        guard (0...Self.maxPageSize).contains(pageSize) else {
            throw Rejection.invalid("page_size", "must be between 1 and \(Self.maxPageSize)")
        }
        let size = pageSize == 0 ? Self.defaultPageSize : pageSize
        var cursor: LicenseNumber?
        if let pageToken, !pageToken.isEmpty {
            guard let data = Data(base64Encoded: pageToken), let text = String(data: data, encoding: .utf8),
                text.hasPrefix("after:"), let number = LicenseNumber(String(text.dropFirst(6)))
            else { throw Rejection.invalid("page_token", "not a token this server issued") }
            cursor = number
        }
        let after = cursor
        let rows = try await store.read { try $0.licenses(matching: filter, after: after, limit: size + 1) }
        let page = Array(rows.prefix(size))
        let next = rows.count > size ? page.last.map { Data("after:\($0.number.value)".utf8).base64EncodedString() } : nil
        return LicensePage(licenses: page, nextPageToken: next)
    }

    /// The basis of 142.1 / 142.5 (DOMAIN.md §5.3): a passed attestation after a completed internship,
    /// or an exemption, as the registry recorded them. An explicit basis is accepted only to import a
    /// license issued before the registry, with the source it comes from.
    static func basis(for command: IssueLicenseCommand, holder: IIN, tx: StoreTransaction) throws -> LicenseBasis {
        if let explicit = command.basis {
            guard let source = command.historicalSource?.trimmingWhitespace, !source.isEmpty else {
                throw Rejection(
                    .invalidArgument, reason: "BASIS_FROM_RECORD",
                    message:
                        "a license is issued on the attestation and internship, or the exemption, recorded in the registry; an explicit basis is only for importing a license issued before it, with historical_source",
                    article: "142.1",
                    fieldViolations: [.init(field: "basis", description: "give historical_source, or leave the basis to the records")])
            }
            switch explicit {
            case .attestation(let reference, let internship):
                return .attestation(reference: reference, internshipEvidence: "\(internship) [historical: \(source)]")
            case .exemption(let ground, let evidence): return .exemption(ground, evidence: "\(evidence) [historical: \(source)]")
            }
        }
        let applications = try tx.applications(of: holder)
        if let passed = applications.last(where: { $0.status == .passed }),
            let internship = try tx.internships(of: holder).last(where: { $0.status == .completed })
        {
            return .attestation(
                reference: "attestation application \(passed.id), passed on \(passed.decidedOn?.description ?? "?")",
                internshipEvidence: "internship \(internship.id): \(internship.evidence ?? "")")
        }
        if let exemption = try tx.exemptions(of: holder).last {
            return .exemption(exemption.ground, evidence: "exemption \(exemption.id): \(exemption.evidence)")
        }
        throw Rejection(
            .failedPrecondition, reason: "NO_BASIS_ON_RECORD",
            message: "no passed attestation after a completed internship, and no exemption of 142.5, is recorded for the holder",
            article: "142.1")
    }
}
