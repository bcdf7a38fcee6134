import SwiftProtobuf

/// A method of a service, typed by its request and response messages. Generated
/// from the `service` blocks of Protocols/*.proto (see scripts/generate-protos).
public struct MethodDescriptor<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>: Sendable {
    public let service: String
    public let method: String
    /// Who may call it, from the rpc's `(policy)` option.
    public let policy: MethodPolicy

    public init(service: String, method: String, policy: MethodPolicy) {
        self.service = service
        self.method = method
        self.policy = policy
    }

    /// The name on the wire: "/kz.bailiff.registry.v1.Licensing/IssueLicense".
    public var path: String { "/\(service)/\(method)" }

    public var info: MethodInfo {
        MethodInfo(
            service: service, method: method, requestType: Request.protoMessageName, responseType: Response.protoMessageName, policy: policy
        )
    }
}

/// The untyped description of a method, for tables and drift checks.
public struct MethodInfo: Hashable, Sendable, CustomStringConvertible {
    public let service: String
    public let method: String
    public let requestType: String
    public let responseType: String
    public let policy: MethodPolicy
    /// "Licensing/IssueLicense": the service's short name and the method. Stored, because
    /// every call's audit entry and idempotency record names it.
    public let shortName: String

    init(service: String, method: String, requestType: String, responseType: String, policy: MethodPolicy) {
        self.service = service
        self.method = method
        self.requestType = requestType
        self.responseType = responseType
        self.policy = policy
        self.shortName = "\(service.split(separator: ".").last ?? "")/\(method)"
    }

    public var path: String { "/\(service)/\(method)" }
    public var description: String { "\(path)(\(requestType)) -> \(responseType)" }
}

/// Every method of protocol v1, across services.
public enum ProtocolMethods {
    public static var all: [MethodInfo] {
        HealthMethods.all + RegistryMethods.all + LicensingMethods.all + ProposalsMethods.all + DisciplineMethods.all
            + ProceedingsMethods.all + ChamberMethods.all + InspectionsMethods.all + CandidatesMethods.all
    }
}
