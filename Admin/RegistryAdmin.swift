import ArgumentParser

/// registry-admin: the staff and operator CLI. Remote commands go to registryd
/// through RegistryClient; `audit verify` works on a data folder offline.
@main
struct RegistryAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry-admin",
        abstract: "Staff and operator tool for the private bailiff registry.",
        discussion: """
            Against a server started with `registryd --dev` the client certificates are found
            in the data folder (./registry-data/pki); --role picks one (default: ministry).
            Otherwise give --cert, --key and --ca. Add --json for machine-readable output.
            """,
        subcommands: [
            HealthCommand.self, PersonCommand.self, CandidateCommand.self, LicenseCommand.self, ProposalCommand.self,
            DisciplineCommand.self, ChamberCommand.self, InspectionCommand.self, BailiffCommand.self,
            CasesCommand.self, RegisterCommand.self, ReportsCommand.self, CalendarCommand.self, MCICommand.self, DistrictsCommand.self,
            AuditCommand.self,
        ]
    )
}
