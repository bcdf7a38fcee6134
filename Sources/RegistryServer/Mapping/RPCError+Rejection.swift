import Enforcement
import Licensing
import RegistryService
import RegistryWire

extension RPCError {
    /// The one place where a domain refusal becomes a wire status.
    init(_ rejection: Rejection) {
        let code: StatusCode =
            switch rejection.code {
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

extension RPCError {
    /// Whatever a handler threw, as the status the caller is told; internals never leak.
    init(mapping error: any Error) {
        switch error {
        case let rpc as RPCError: self = rpc
        case let rejection as Rejection: self.init(rejection)
        case is CancellationError: self.init(code: .cancelled, message: "cancelled")
        case let abandoned as CallGate.Abandoned:
            self.init(code: abandoned.reason == .deadline ? .deadlineExceeded : .cancelled, message: "\(abandoned); nothing was stored")
        default: self.init(code: .internal, message: "internal error")
        }
    }

    /// Errors that are not a status the server chose (a storage failure, a bug).
    static func isUnexpected(_ error: any Error) -> Bool {
        !(error is RPCError || error is Rejection || error is CancellationError || error is CallGate.Abandoned)
    }
}
