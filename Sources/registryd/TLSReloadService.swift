import Logging
import RegistryServer
import ServiceLifecycle
import UnixSignals

/// Reloads the server's certificate, key, client CA and revocation list from their files on SIGHUP, without
/// dropping a connection: new connections get the new material, open ones keep theirs. A
/// file that does not read or does not make a TLS context keeps the old material, and says why.
struct TLSReloadService: Service {
    let server: RegistryServer
    let certificateFile: String
    let keyFile: String
    let caFile: String
    let revocationListFile: String?
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            do {
                try server.reloadTLS(
                    TLSMaterial(certificateFile: certificateFile, keyFile: keyFile, caFile: caFile, revocationListFile: revocationListFile))
                logger.notice(
                    "reloaded the TLS certificate, key, client CA and revocation list on SIGHUP",
                    metadata: ["certificate": "\(certificateFile)", "crl": "\(revocationListFile ?? "none")"])
            } catch {
                logger.error("SIGHUP: kept the previous TLS material; the files on disk do not load", metadata: ["error": "\(error)"])
            }
        }
    }
}
