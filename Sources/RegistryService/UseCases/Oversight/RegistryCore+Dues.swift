import Enforcement
import Licensing
import RegistryStore

/// A bailiff's dues as the Chamber keeps them.
public struct DuesStatement: Codable, Sendable {
    public let paid: [Quarter]
    public let exemptions: [Dues.Exemption]
    /// Quarters in arrears today (148.1.5-2).
    public let arrears: [Quarter]
}

extension RegistryCore {
    /// A quarter's dues paid (148.1.5-2), by the Chamber.
    public func recordDuesPayment(
        licenseNumber: String, quarter text: String, paidOn: LocalDate?, reference: String, context: RequestContext
    ) async throws -> DuesStatement {
        try await mutate(context: context, subject: { _ in "dues:\(licenseNumber):\(text)" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "148.1.5-2")
            guard let quarter = Quarter(text) else {
                throw Rejection.invalid("quarter", "expected YYYYQn, e.g. 2026Q3", article: "148.1.5-2")
            }
            let today = now.kazakhstanDate
            let date = paidOn ?? today
            guard date <= today else { throw Rejection.invalid("paid_on", "\(date) is in the future") }
            let reference = reference.trimmingWhitespace
            guard !reference.isEmpty else { throw Rejection.invalid("reference", "give the payment's reference", article: "148.1.5-2") }
            guard try !tx.duesPaid(by: license.number).contains(quarter) else {
                throw Rejection(
                    .alreadyExists, reason: "QUARTER_ALREADY_PAID", message: "the dues of \(quarter) are already recorded as paid",
                    article: "148.1.5-2")
            }
            try tx.insertDuesPayment(license: license.number, quarter: quarter, paidOn: date, reference: reference)
            return try Self.duesStatement(license, tx: tx, on: today)
        }
    }

    /// A period exempt from dues (172-1(3)): child-care or maternity leave, or incapacity with no practice over a month.
    public func recordDuesExemption(
        licenseNumber: String, reason: String, from: LocalDate, to: LocalDate, reference: String, context: RequestContext
    ) async throws -> DuesStatement {
        try await mutate(context: context, subject: { _ in "dues-exemption:\(licenseNumber)" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "148.1.5-2")
            guard let reason = Dues.ExemptionReason(rawValue: reason) else {
                throw Rejection.invalid("reason", "childCare or incapacity", article: "172-1(3)")
            }
            guard from <= to else { throw Rejection.invalid("to", "ends before it starts") }
            if reason == .incapacity && to < from.adding(months: 1) {
                throw Rejection(
                    .invalidArgument, reason: "INCAPACITY_NOT_OVER_A_MONTH",
                    message: "incapacity exempts from dues only when he did not practise for more than a month",
                    article: "172-1(3)", fieldViolations: [.init(field: "to", description: "before \(from.adding(months: 1))")])
            }
            let reference = reference.trimmingWhitespace
            guard !reference.isEmpty else { throw Rejection.invalid("reference", "give the document's reference", article: "172-1(3)") }
            try tx.insertDuesExemption(license: license.number, Dues.Exemption(reason: reason, from: from, to: to), reference: reference)
            return try Self.duesStatement(license, tx: tx, on: now.kazakhstanDate)
        }
    }

    public func dues(licenseNumber: String, context: RequestContext) async throws -> DuesStatement {
        let number = try LicenseNumber.parse(licenseNumber, field: "license_number")
        try Self.requireOwnRecord(context.principal, license: number, what: "dues")
        let today = clock.now().kazakhstanDate
        return try await store.read { reader in
            try Self.duesStatement(try Self.requireLicense(number, tx: reader), tx: reader, on: today)
        }
    }

    static func duesStatement(_ license: License, tx: some StoreQueries, on date: LocalDate) throws -> DuesStatement {
        let paid = try tx.duesPaid(by: license.number)
        let exemptions = try tx.duesExemptions(of: license.number)
        let admitted = try tx.memberships(of: license.number).filter { $0.isActive(on: date) }.map(\.admittedOn).min()
        let arrears = admitted.map { Dues.arrears(admittedOn: $0, paid: paid, exemptions: exemptions, on: date) } ?? []
        return DuesStatement(paid: paid.sorted(), exemptions: exemptions, arrears: arrears)
    }
}
