import Foundation
import RegistryWire
import SwiftProtobuf

/// Wire path → method. Filled by the generated `register(in:)` of each service's handler
/// protocol, so the table is exactly the `.proto` services, each method with the policy its
/// rpc declares. Every call runs through the table's interceptors before its payload is
/// decoded, in the order given.
public struct MethodTable: Sendable {
    /// Runs a call: the interceptors, then decode, text checks, the method, encode.
    public typealias Run = @Sendable (CallContext) async throws -> [UInt8]

    public struct Method: Sendable {
        public let info: MethodInfo
        public let run: Run
    }

    private var methods: [String: Method] = [:]
    private let interceptors: [any CallInterceptor]

    public init(interceptors: [any CallInterceptor] = []) {
        self.interceptors = interceptors
    }

    public mutating func register<Request, Response>(
        _ descriptor: MethodDescriptor<Request, Response>,
        _ body: @escaping @Sendable (Request, CallContext) async throws -> Response
    ) {
        let handle: Run = { call in
            let request: Request
            do {
                request = try Request(serializedBytes: call.payload)
            } catch {
                throw RPCError(code: .invalidArgument, message: "request payload is not a valid \(Request.protoMessageName)", reason: "UNDECODABLE_PAYLOAD")
            }
            try TextFieldPolicy.check(request)
            return try await body(request, call).serializedBytes()
        }
        // Composed once here, not per call: the first interceptor is the outermost.
        let run = interceptors.reversed().reduce(handle) { next, interceptor in
            { call in try await interceptor.intercept(call, next: next) }
        }
        methods[descriptor.path] = Method(info: descriptor.info, run: run)
    }

    public func method(for path: String) -> Method? { methods[path] }

    public var paths: [String] { methods.keys.sorted() }

    public var infos: [MethodInfo] { methods.values.map(\.info) }
}
