import Foundation
import RegistryService
import RegistryWire

/// What a handler knows about the call it serves.
public struct CallContext: Sendable {
    public let principal: Principal
    /// The method called, with its policy.
    public let method: MethodInfo
    public let requestID: String
    public let idempotencyKey: String?
    /// The serialized request message.
    public let payload: Data
    /// Decides between the call's commit and its abandonment by the connection, and notes
    /// when its outcome is in the audit log.
    public let gate = CallGate()

    public init(principal: Principal, method: MethodInfo, requestID: String, idempotencyKey: String?, payload: Data) {
        self.principal = principal
        self.method = method
        self.requestID = requestID
        self.idempotencyKey = idempotencyKey
        self.payload = payload
    }

    /// The service-layer view of the same call.
    public var request: RequestContext {
        RequestContext(
            principal: principal, method: method.shortName, requestID: requestID, payload: payload,
            idempotencyKey: idempotencyKey, gate: gate)
    }
}
