import RegistryWire

/// One step around every call, keyed by the method's descriptor (`call.method`), in the
/// manner of grpc-swift-2's `ServerInterceptor`: it may refuse the call by throwing, or
/// pass it on to `next` and see how it ended.
public protocol CallInterceptor: Sendable {
    func intercept(_ call: CallContext, next: @Sendable (CallContext) async throws -> [UInt8]) async throws -> [UInt8]
}
