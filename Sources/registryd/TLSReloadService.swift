import Logging
import RegistryServer
import ServiceLifecycle
import UnixSignals

/// Reloads the server's certificate, key and client CA from their files on SIGHUP, without
/// dropping a connection: new connections get the new material, open ones keep theirs. A
/// file that does not read or does not make a TLS context keeps the old material, and says why.
struct TLSReloadService: Service {
    let server: RegistryServer
    let certificateFile: String
    let keyFile: String
    let caFile: String
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            do {
                try server.reloadTLS(TLSMaterial(certificateFile: certificateFile, keyFile: keyFile, caFile: caFile))
                logger.notice("reloaded the TLS certificate, key and client CA on SIGHUP", metadata: ["certificate": "\(certificateFile)"])
            } catch {
                logger.error("SIGHUP: kept the previous TLS material; the files on disk do not load", metadata: ["error": "\(error)"])
            }
        }
    }
}
