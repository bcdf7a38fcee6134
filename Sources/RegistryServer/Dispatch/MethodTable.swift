import Foundation
import RegistryWire
import SwiftProtobuf

/// Wire path → handler. Filled by the generated `register(in:)` of each
/// service's handler protocol, so the table is exactly the `.proto` services.
public struct MethodTable: Sendable {
    /// Decodes the payload, runs the method, returns the serialized response.
    public typealias Erased = @Sendable (Data, CallContext) async throws -> [UInt8]

    private(set) var handlers: [String: Erased] = [:]

    public init() {}

    public mutating func register<Request, Response>(
        _ method: MethodDescriptor<Request, Response>,
        _ body: @escaping @Sendable (Request, CallContext) async throws -> Response
    ) {
        handlers[method.path] = { payload, context in
            let request: Request
            do {
                request = try Request(serializedBytes: payload)
            } catch {
                throw RPCError(code: .invalidArgument, message: "request payload is not a valid \(Request.protoMessageName)")
            }
            try TextFieldPolicy.check(request)
            return try await body(request, context).serializedBytes()
        }
    }

    public func handler(for path: String) -> Erased? { handlers[path] }

    public var paths: [String] { handlers.keys.sorted() }
}
