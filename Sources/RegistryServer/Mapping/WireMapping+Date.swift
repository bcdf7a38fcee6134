import Enforcement
import Licensing

/// Wire dates: "" means absent, anything else must be YYYY-MM-DD.
enum DateMapping {
    static func optionalDate(_ text: String, field: String) throws(Rejection) -> LocalDate? {
        if text.isEmpty { return nil }
        guard let date = LocalDate(text) else { throw Rejection.invalid(field, "expected YYYY-MM-DD, got '\(text)'") }
        return date
    }
}
