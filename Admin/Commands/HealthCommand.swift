import ArgumentParser
import RegistryClient
import RegistryWire

struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: "Check that registryd answers, and as whom it sees you.")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await connection.run { conn in
            let response = try await HealthStub(connection: conn).check(WireHealthCheckRequest(), options: connection.callOptions)
            if connection.json { return try Output.json(response) }
            Output.fields([
                ("Status", response.status == .serving ? "serving" : "not serving"),
                ("Server", "registryd \(response.serverVersion), protocol v\(response.protocolVersion)"),
                ("Caller", response.caller),
            ])
        }
    }
}

struct DistrictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "districts", abstract: "List the 20 enforcement districts and their codes.")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await connection.run { conn in
            let response = try await RegistryStub(connection: conn).listDistricts(
                WireListDistrictsRequest(), options: connection.callOptions)
            if connection.json { return try Output.json(response) }
            Output.table(["CODE", "KATO", "NAME"], response.districts.map { [$0.code, $0.kato, $0.nameEn] })
        }
    }
}
