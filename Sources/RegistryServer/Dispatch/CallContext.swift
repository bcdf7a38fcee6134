import Foundation
import RegistryService

/// What a handler knows about the call it serves.
public struct CallContext: Sendable {
    public let principal: Principal
    public let requestID: String
    public let idempotencyKey: String?
    /// The serialized request message.
    public let payload: Data

    /// The service-layer view of the same call.
    public var request: RequestContext {
        RequestContext(principal: principal, requestID: requestID, payload: payload, idempotencyKey: idempotencyKey)
    }
}
