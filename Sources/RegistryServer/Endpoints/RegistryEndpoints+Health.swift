import Enforcement
import RegistryService
import RegistryWire

extension RegistryEndpoints: HealthHandler {
    public func check(_ request: WireHealthCheckRequest, context: CallContext) async throws -> WireHealthCheckResponse {
        var response = WireHealthCheckResponse()
        response.status = .serving
        response.serverVersion = version
        response.protocolVersion = ProtocolConstants.version
        response.serverTimeMs = core.clock.now().millisecondsSinceEpoch
        response.caller = context.principal.uri
        return response
    }
}
