import Enforcement
import Licensing
import RegistryWire

/// Wire dates: "" means absent, anything else must be YYYY-MM-DD.
enum DateMapping {
    static func optionalDate(_ text: String, field: String) throws(Rejection) -> LocalDate? {
        if text.isEmpty { return nil }
        guard let date = LocalDate(text) else { throw Rejection.invalid(field, "expected YYYY-MM-DD, got '\(text)'") }
        return date
    }
}

extension DateMapping {
    static func requiredDate(_ text: String, field: String, article: Article? = nil) throws(Rejection) -> LocalDate {
        guard let date = try optionalDate(text, field: field) else {
            throw Rejection.invalid(field, "required, as YYYY-MM-DD", article: article)
        }
        return date
    }

    /// Parses an optional status filter: UNSPECIFIED means none.
    static func statusFilter(_ wire: WireLicenseStatus) throws(Rejection) -> LicenseStatus? {
        guard wire != .unspecified else { return nil }
        guard let status = LicenseMapping.status(wire) else { throw Rejection.invalid("status", "unknown license status") }
        return status
    }
}
