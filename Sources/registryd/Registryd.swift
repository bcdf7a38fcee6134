import ArgumentParser
import Enforcement
import Foundation
import Logging
import NIOCore
import NIOPosix
import RegistryPKI
import RegistryServer
import RegistryService
import RegistryStore
import ServiceLifecycle
import UnixSignals

/// registryd: the licensing and oversight registry server.
@main
struct Registryd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registryd",
        abstract: "Registry of private bailiffs: licensing and oversight over mutual-TLS framed RPC.",
        discussion: """
            --dev runs on embedded defaults: a data folder (./registry-data) with the SQLite
            database and a development PKI created on first run, serving on 127.0.0.1:7443.

            Otherwise every setting is required, from flags, from the environment
            (REGISTRYD_DATA, REGISTRYD_CERT, REGISTRYD_KEY, REGISTRYD_CA, REGISTRYD_CLIENT_CRL,
            REGISTRYD_HOST, REGISTRYD_PORT) or from a JSON config file (--config) with the keys
            data, cert, key, ca, crl, host, port (crl is optional). Flags win over the
            environment, which wins over the file. SIGHUP re-reads the certificate, key,
            client CA and revocation list.
            """
    )

    @Flag(help: "Run on embedded development defaults (creates a dev PKI on first run).")
    var dev = false

    @Option(help: "JSON configuration file.")
    var config: String?

    @Option(help: "Data folder (holds registry.sqlite).")
    var data: String?

    @Option(help: "Server certificate chain (PEM).")
    var cert: String?

    @Option(help: "Server private key (PEM).")
    var key: String?

    @Option(help: "CA certificate(s) that sign client certificates (PEM).")
    var ca: String?

    @Option(help: "Revocation list(s) of the client CA (PEM, X509 CRL); a client certificate it revokes is refused.")
    var clientCrl: String?

    @Option(help: "Address to listen on.")
    var host: String?

    @Option(help: "Port to listen on.")
    var port: Int?

    @Option(help: "Event-loop threads (default: one per core).")
    var threads: Int = System.coreCount

    @OptionGroup(title: "Connection limits and timeouts (PROTOCOL.md §3)")
    var connectionLimits: ConnectionLimitOptions

    @Option(
        help: ArgumentHelp(
            "Ed25519 key that signs audit checkpoints (PEM; created with its .pub.pem when absent). Default: audit-signing-key.pem beside --key.",
            valueName: "file"))
    var auditKey: String?

    @Option(
        help:
            "Seconds between signed checkpoints of the audit chain (also signed at startup and shutdown), appended to <data>/audit-checkpoints.log."
    )
    var auditCheckpointInterval: Int = 300

    @Option(help: "Seconds in-flight calls get to finish on shutdown.")
    var shutdownGrace: Int = 10

    @Option(help: "Seconds between checks for overdue deadlines (suspension terms, hand-overs).")
    var monitorInterval: Int = 60

    @Option(help: "Seconds between runs of the monitors that draft proposals from recorded facts.")
    var monitorsInterval: Int = 3600

    @Option(
        help: ArgumentHelp(
            "Weight of an open proceeding of a category in a receiver's load, e.g. sociallySignificant=3 (repeatable; default 1 each).",
            valueName: "category=weight"))
    var categoryWeight: [String] = []

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(
        help: ArgumentHelp(
            "With --dev only: run as if it were 10:00 Kazakhstan time on this date (YYYY-MM-DD), time then running on.",
            valueName: "date"))
    var devClock: String?

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "registryd")

        let settings: ServerSettings
        do {
            settings = try ServerSettings.resolve(
                dev: dev, configFile: config,
                flags: .init(data: data, cert: cert, key: key, ca: ca, crl: clientCrl, host: host, port: port),
                environment: ProcessInfo.processInfo.environment
            )
        } catch {
            FileHandle.standardError.write(Data("registryd: \(error)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG
        }

        let policy: TransferPolicy
        do {
            policy = try TransferPolicy.parse(weights: categoryWeight)
        } catch {
            FileHandle.standardError.write(Data("registryd: \(error)\n".utf8))
            throw ExitCode(78)
        }
        var clock: any RegistryClock = SystemClock()
        if let devClock {
            guard dev, let date = LocalDate(devClock) else {
                FileHandle.standardError.write(Data("registryd: --dev-clock takes a date YYYY-MM-DD and only with --dev\n".utf8))
                throw ExitCode(78)
            }
            clock = ShiftedClock(
                startingAt: Instant(millisecondsSinceEpoch: Instant(startOf: date).millisecondsSinceEpoch + 10 * 3_600_000))
        }
        let store = try RegistryStore(path: settings.databasePath)
        let core = RegistryCore(store: store, clock: clock, transferPolicy: policy, logger: logger)
        var configuration = RegistryServer.Configuration(host: settings.host, port: settings.port, tls: settings.tls)
        configuration.shutdownGrace = .seconds(Int64(shutdownGrace))
        configuration.threads = max(1, threads)
        connectionLimits.apply(to: &configuration)
        let checkpoints: AuditCheckpointer
        do {
            let keyFile =
                auditKey.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: settings.keyFile).deletingLastPathComponent().appendingPathComponent(AuditSigningKey.fileName)
            checkpoints = try AuditCheckpointer(
                store: store, key: try AuditSigningKey.loadOrCreate(at: keyFile),
                file: URL(fileURLWithPath: settings.dataFolder).appendingPathComponent("audit-checkpoints.log"))
            try await checkpoints.checkpoint(.startup, at: clock.now())
        } catch {
            FileHandle.standardError.write(Data("registryd: audit checkpoints: \(error)\n".utf8))
            throw ExitCode(78)
        }
        let server = try RegistryServer(
            configuration: configuration,
            endpoints: RegistryEndpoints(core: core, version: RegistrydVersion.current, checkpoints: checkpoints), logger: logger)

        logger.info(
            "registryd starting",
            metadata: [
                "mode": "\(dev ? "development" : "production")", "data": "\(settings.dataFolder)",
                "address": "\(settings.host):\(settings.port)",
            ])
        var groupConfiguration = ServiceGroupConfiguration(
            services: [
                .init(service: server),
                .init(service: DeadlineMonitor.service(core: core, interval: .seconds(max(1, monitorInterval)), logger: logger)),
                .init(service: TransferWorker.service(core: core, interval: .seconds(1), logger: logger)),
                .init(
                    service: TLSReloadService(
                        server: server, certificateFile: settings.certificateFile, keyFile: settings.keyFile,
                        caFile: settings.caFile, revocationListFile: settings.revocationListFile, logger: logger)),
                .init(
                    service: PeriodicService(name: "audit checkpoints", interval: .seconds(max(1, auditCheckpointInterval)), logger: logger)
                    {
                        try await checkpoints.checkpoint(.periodic, at: core.clock.now())
                    }),
                .init(
                    service: PeriodicService(name: "monitors", interval: .seconds(max(60, monitorsInterval)), logger: logger) {
                        let drafts = try await core.runMonitors(asOf: nil, context: RegistryCore.scheduledContext(at: core.clock.now()))
                        if !drafts.isEmpty { logger.notice("monitors drafted proposals", metadata: ["count": "\(drafts.count)"]) }
                    }),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        // The worker stops between batches and the server drains within its grace; past it
        // (plus a second for the database to close) whatever is left is cancelled.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(Int64(shutdownGrace) + 1)
        groupConfiguration.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: groupConfiguration).run()
        // Everything is written: the last checkpoint covers it all, and nothing may follow it.
        try await checkpoints.checkpoint(.shutdown, at: core.clock.now())
        try store.close()
        logger.info("registryd stopped; database closed")
    }
}

enum RegistrydVersion {
    static let current = "0.1.0"
}
