import Enforcement
import Licensing
import RegistryWire

extension RPCError {
    /// The one place where a domain refusal becomes a wire status.
    init(_ rejection: Rejection) {
        let code: StatusCode = switch rejection.code {
        case .invalidArgument: .invalidArgument
        case .failedPrecondition: .failedPrecondition
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        case .permissionDenied: .permissionDenied
        default: .unknown
        }
        self.init(
            code: code, message: rejection.message, legalBasis: rejection.article?.reference ?? "",
            reason: rejection.reason,
            fieldViolations: rejection.fieldViolations.map { .init(field: $0.field, description: $0.description) },
            retryOn: rejection.retryOn?.description ?? ""
        )
    }
}
