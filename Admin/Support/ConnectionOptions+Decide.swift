import RegistryClient
import RegistryWire

extension ConnectionOptions {
    /// Runs one license decision with an optional idempotency key and prints what it
    /// recorded: the new status and the history entry, article included.
    func decide(_ idempotencyKey: String?, _ call: @escaping (LicensingStub, CallOptions) async throws -> WireLicenseDecisionResponse)
        async throws
    {
        try await mutate(idempotencyKey) { conn, options in
            let response = try await call(LicensingStub(connection: conn), options)
            if json { return try Output.json(response) }
            let license = response.license
            print(
                "license \(license.number): \(Render.status(license.status))"
                    + (license.deprivationClaimPending ? ", deprivation claim pending" : ""))
            if let last = license.history.last { print(Render.entry(last, position: license.history.count - 1)) }
        }
    }
}
