import ArgumentParser
import RegistryClient
import RegistryWire

struct BailiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bailiff", abstract: "Look up private bailiffs.", subcommands: [Show.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a bailiff by IIN or license number.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Bailiff's IIN.") var iin: String?
        @Option(help: "Any license number the bailiff holds or held.") var license: String?

        func validate() throws {
            guard (iin == nil) != (license == nil) else { throw ValidationError("give exactly one of --iin or --license") }
        }

        func run() async throws {
            var request = WireGetBailiffRequest()
            if let iin { request.iin = iin }
            if let license { request.licenseNumber = license }
            try await connection.run { conn in
                let response = try await RegistryStub(connection: conn).getBailiff(request, options: connection.callOptions)
                if connection.json { return try Output.json(response) }
                let p = response.person
                Output.fields([
                    ("Name", [p.surname, p.givenName, p.patronymic].filter { !$0.isEmpty }.joined(separator: " ")),
                    ("IIN", p.iin), ("District", response.district),
                ])
                print("")
                Output.table(
                    ["LICENSE", "ISSUED", "STATUS"], response.licenses.map { [$0.number, $0.issuedOn, Render.status($0.status)] })
            }
        }
    }
}
