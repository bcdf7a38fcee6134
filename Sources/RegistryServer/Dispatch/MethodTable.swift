import Foundation
import RegistryWire
import SwiftProtobuf

/// Wire path → method. Filled by the generated `register(in:)` of each service's handler
/// protocol, so the table is exactly the `.proto` services, each method with the policy its
/// rpc declares. Every call passes the table's guards, in order, before its payload is
/// decoded; every refusal is told to its observers.
public struct MethodTable: Sendable {
    /// Runs a call: the guards, then decode, text checks, the method, encode.
    public typealias Run = @Sendable (CallContext) async throws -> [UInt8]

    public struct Method: Sendable {
        public let info: MethodInfo
        public let run: Run
    }

    private var methods: [String: Method] = [:]
    private let guards: [any CallGuard]
    private let observers: [any CallObserver]

    public init(guards: [any CallGuard] = [], observers: [any CallObserver] = []) {
        self.guards = guards
        self.observers = observers
    }

    public mutating func register<Request, Response>(
        _ descriptor: MethodDescriptor<Request, Response>,
        _ body: @escaping @Sendable (Request, CallContext) async throws -> Response
    ) {
        let guards = self.guards
        let observers = self.observers
        // One async frame per call: the guards are synchronous, the observers run only on a refusal.
        methods[descriptor.path] = Method(info: descriptor.info) { call in
            do {
                for check in guards { try check.admit(call) }
                let request: Request
                do {
                    request = try Request(serializedBytes: call.payload)
                } catch {
                    throw RPCError(
                        code: .invalidArgument, message: "request payload is not a valid \(Request.protoMessageName)",
                        reason: "UNDECODABLE_PAYLOAD")
                }
                try TextFieldPolicy.check(request)
                return try await body(request, call).serializedBytes()
            } catch {
                for observer in observers { await observer.refused(call, error: error) }
                throw error
            }
        }
    }

    public func method(for path: String) -> Method? { methods[path] }

    public var paths: [String] { methods.keys.sorted() }

    public var infos: [MethodInfo] { methods.values.map(\.info) }
}
