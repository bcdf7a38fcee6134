import Enforcement
import Licensing
import RegistryStore

/// The register of service ID cards and personal seals (154) and what 144.4 asks of the
/// regional chamber when a license ends: withdraw the license, destroy the card and seal.
extension RegistryCore {
    public func issueServiceDocument(
        license text: String, kind: String, number: String, issuedOn: LocalDate?,
        context: RequestContext
    ) async throws -> ServiceDocument {
        try await mutate(context: context, subject: { "service-document:\($0.id)" }) { tx, now in
            let license = try Self.requireLicense(text, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "154")
            let kind = try Self.documentKind(kind)
            let day = try Self.recordedDay(issuedOn, field: "issued_on", now: now)
            let number = number.trimmingWhitespace
            guard try !tx.serviceDocumentNumberTaken(kind, number) else {
                throw Rejection(
                    .alreadyExists, reason: "DOCUMENT_NUMBER_TAKEN",
                    message: "\(kind.rawValue) number \(number) is already in the register", article: "154")
            }
            let district = try tx.placement(of: license.number, on: day) ?? ""
            let document = try ServiceDocument.issue(
                kind, number: number, to: license, district: district, on: day,
                by: context.principal.uri, existing: try tx.serviceDocuments(of: license.number))
            return try tx.insert(document, at: now)
        }
    }

    public func destroyServiceDocument(
        license text: String, kind: String, reason: String, act: String, on date: LocalDate?,
        context: RequestContext
    ) async throws -> ServiceDocument {
        try await mutate(context: context, subject: { "service-document:\($0.id)" }) { tx, now in
            let license = try Self.requireLicense(text, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "144.4")
            let kind = try Self.documentKind(kind)
            guard let why = ServiceDocument.DestructionReason(rawValue: reason) else {
                throw Rejection.invalid(
                    "reason", "one of \(ServiceDocument.DestructionReason.allCases.map(\.rawValue).joined(separator: ", "))",
                    article: "144.4")
            }
            guard let live = try tx.serviceDocuments(of: license.number).first(where: { $0.kind == kind && $0.isLive }) else {
                throw Rejection(
                    .notFound, reason: "NO_VALID_DOCUMENT",
                    message: "license \(license.number) has no valid \(kind.rawValue) in the register", article: "154")
            }
            let day = try Self.recordedDay(date, field: "on", now: now)
            let destroyed = try live.destroyed(on: day, reason: why, act: act, license: license)
            try tx.destroy(destroyed)
            return destroyed
        }
    }

    public func withdrawLicenseDocument(license text: String, act: String, on date: LocalDate?, context: RequestContext) async throws
        -> LicenseWithdrawal
    {
        try await mutate(context: context, subject: { "license:\($0.license)" }) { tx, now in
            let license = try Self.requireLicense(text, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "144.4")
            let day = try Self.recordedDay(date, field: "on", now: now)
            let withdrawal = try LicenseWithdrawal.withdraw(
                license, on: day, act: act, district: license.district,
                existing: try tx.licenseWithdrawal(of: license.number))
            try tx.insert(withdrawal, recordedBy: context.principal.uri, at: now)
            return withdrawal
        }
    }

    public struct ServiceDocumentRegister: Sendable {
        public let documents: [ServiceDocument]
        public let withdrawal: LicenseWithdrawal?
        public let outstanding: [String]
    }

    public func serviceDocuments(license text: String, context: RequestContext) async throws -> ServiceDocumentRegister {
        return try await store.read { tx in
            let license = try Self.requireLicense(text, field: "license_number", tx: tx)
            try Self.requireOwnRecord(context.principal, license: license.number, what: "ID card and seal", article: "154")
            let documents = try tx.serviceDocuments(of: license.number)
            let withdrawal = try tx.licenseWithdrawal(of: license.number)
            return ServiceDocumentRegister(
                documents: documents, withdrawal: withdrawal,
                outstanding: LicenseWithdrawal.outstanding(for: license, withdrawal: withdrawal, documents: documents))
        }
    }

    static func documentKind(_ text: String) throws(Rejection) -> ServiceDocument.Kind {
        guard let kind = ServiceDocument.Kind(rawValue: text) else {
            throw Rejection.invalid("kind", "idCard or seal, not '\(text)'", article: "154")
        }
        return kind
    }
}
