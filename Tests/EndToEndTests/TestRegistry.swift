import Enforcement
import Foundation
import Licensing
import Logging
import NIOCore
import RegistryClient
import RegistryPKI
import RegistryServer
import RegistryService
import RegistryStore
import RegistryWire

/// A real registryd (server + SQLite store) on an ephemeral 127.0.0.1 port with
/// a freshly generated PKI, in its own temporary data folder.
final class TestRegistry: Sendable {
    /// Tests that do not set a clock run at a fixed moment, never on today's date (the shipped
    /// calendar and MCI tables end). Each registry gets its own, so a test may move it.
    static let defaultMoment = "2026-12-02"
    static func defaultClock() -> SteppingClock { SteppingClock(defaultMoment) }

    let folder: URL
    let ca: CertificateAuthority
    let store: RegistryStore
    let core: RegistryCore
    let server: RegistryServer
    let port: Int
    let caPEM: String
    /// The transfer worker, when the test runs it as registryd does.
    let worker: Task<Void, Never>?

    private init(
        folder: URL, ca: CertificateAuthority, store: RegistryStore, core: RegistryCore, server: RegistryServer, port: Int,
        worker: Task<Void, Never>?
    ) {
        self.folder = folder
        self.ca = ca
        self.store = store
        self.core = core
        self.server = server
        self.port = port
        self.caPEM = ca.certificatePEM
        self.worker = worker
    }

    static func start(
        maxFrameBytes: Int = ProtocolConstants.defaultMaxFrameBytes, clock: any RegistryClock = TestRegistry.defaultClock(),
        transferPolicy: TransferPolicy = .standard, runWorker: Bool = false,
        configure: (inout RegistryServer.Configuration) -> Void = { _ in }
    ) async throws -> TestRegistry {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ca = try CertificateAuthority.create(commonName: "Test CA")
        let serverCredential = try ca.issueServer(commonName: "registryd", dnsNames: ["localhost"], ipAddresses: [[127, 0, 0, 1]])
        let store = try RegistryStore(path: folder.appendingPathComponent("registry.sqlite").path)
        var configuration = RegistryServer.Configuration(
            host: "127.0.0.1", port: 0,
            tls: TLSMaterial(
                certificateChainPEM: serverCredential.certificatePEM, privateKeyPEM: serverCredential.privateKeyPEM,
                trustedCAPEM: ca.certificatePEM)
        )
        configuration.maxFrameBytes = maxFrameBytes
        configuration.threads = 2
        configuration.shutdownGrace = .seconds(5)
        configure(&configuration)
        var logger = Logger(label: "registryd-test")
        // REGISTRY_TEST_LOG=1 swift test … shows the server's error lines (e.g. the cause behind an INTERNAL).
        logger.logLevel = ProcessInfo.processInfo.environment["REGISTRY_TEST_LOG"] == nil ? .critical : .error
        let core = RegistryCore(store: store, clock: clock, transferPolicy: transferPolicy, logger: logger)
        let server = try RegistryServer(
            configuration: configuration, endpoints: RegistryEndpoints(core: core, version: "test"), logger: logger)
        let address = try await server.start()
        let worker: Task<Void, Never>? =
            runWorker ? Task { _ = try? await TransferWorker.service(core: core, interval: .seconds(1), logger: logger).run() } : nil
        return TestRegistry(folder: folder, ca: ca, store: store, core: core, server: server, port: address.port!, worker: worker)
    }

    func stop() async {
        worker?.cancel()
        await worker?.value
        await server.shutdownGracefully()
        try? store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    static let uris: [String: String] = Dictionary(uniqueKeysWithValues: DevelopmentPKILayout.developmentClients.map { ($0.name, $0.uri) })

    func credential(role: String) throws -> IssuedCredential {
        try ca.issueClient(commonName: role, identityURI: Self.uris[role]!)
    }

    func connect(role: String = "ministry") async throws -> RegistryConnection {
        let credential = try credential(role: role)
        return try await connect(
            ClientTLS(
                certificatePEM: credential.certificatePEM, privateKeyPEM: credential.privateKeyPEM, trustedCAPEM: caPEM,
                serverName: "localhost"))
    }

    func connect(_ tls: ClientTLS) async throws -> RegistryConnection {
        try await RegistryConnection.connect(host: "127.0.0.1", port: port, tls: tls)
    }

    /// Writes PEM files for the CLI and returns their paths.
    func credentialFiles(role: String) throws -> (cert: String, key: String, ca: String) {
        let credential = try credential(role: role)
        let cert = folder.appendingPathComponent("\(role).pem")
        let key = folder.appendingPathComponent("\(role)-key.pem")
        let ca = folder.appendingPathComponent("ca.pem")
        try credential.certificatePEM.write(to: cert, atomically: true, encoding: .utf8)
        try credential.privateKeyPEM.write(to: key, atomically: true, encoding: .utf8)
        try caPEM.write(to: ca, atomically: true, encoding: .utf8)
        return (cert.path, key.path, ca.path)
    }
}

/// Runs `body` against a fresh registry and always stops it.
func withRegistry(
    maxFrameBytes: Int = ProtocolConstants.defaultMaxFrameBytes, clock: any RegistryClock = TestRegistry.defaultClock(),
    transferPolicy: TransferPolicy = .standard, runWorker: Bool = false,
    configure: (inout RegistryServer.Configuration) -> Void = { _ in }, _ body: (TestRegistry) async throws -> Void
) async throws {
    let registry = try await TestRegistry.start(
        maxFrameBytes: maxFrameBytes, clock: clock, transferPolicy: transferPolicy, runWorker: runWorker,
        configure: configure)
    do {
        try await body(registry)
    } catch {
        await registry.stop()
        throw error
    }
    await registry.stop()
}

enum Sample {
    /// A valid IIN for a man born on 15 Jan 1985 with the given serial (skipping never-issued ones).
    static func iin(_ serial: Int) -> String {
        var s = serial
        while true {
            let prefix = "8501153" + String(format: "%04d", s % 10_000)
            if let check = IIN.checkDigit(prefix.compactMap(\.wholeNumberValue)) { return prefix + String(check) }
            s += 7919
        }
    }

    static func person(_ serial: Int, surname: String = "Ахметов", facts: [WirePersonFact] = []) -> WireRegisterPersonRequest {
        var request = WireRegisterPersonRequest()
        request.iin = iin(serial)
        request.surname = surname
        request.givenName = "Ержан"
        request.residenceDistrict = "almaty-city"
        request.education = .higherLegal
        var citizenship = WirePersonFact()
        citizenship.kind = .citizenship
        citizenship.from = "1985-01-15"
        request.facts = [citizenship] + facts
        return request
    }

    static func issue(_ serial: Int, date: String = "2026-03-03") -> WireIssueLicenseRequest {
        var request = WireIssueLicenseRequest()
        request.holderIin = iin(serial)
        request.district = "almaty-city"
        request.issueDate = date
        request.basis.exemption = .prosecutorOrInvestigator
        request.basis.evidence = "service record 2010–2020"
        request.licenseFeePaid = true
        request.historicalSource = "license file of the Ministry, 2026"
        return request
    }

    /// The records without which a license holder may not practise (140.1, 146.1, 168.1.4):
    /// membership placed in `district`, a sufficient contract and the accounting registration,
    /// all from `date`, brought in by the Ministry's import.
    static func practiceRecords(_ license: String, district: String, from date: String) -> [WirePracticeRecord] {
        var membership = WirePracticeRecord()
        membership.membership.licenseNumber = license
        membership.membership.district = district
        membership.membership.admittedOn = date
        membership.membership.decision = "Board decision \(license)"
        var insurance = WirePracticeRecord()
        insurance.insurance.licenseNumber = license
        insurance.insurance.insurer = "Kazakhmys Insurance"
        insurance.insurance.contractNumber = "PL-\(license)"
        insurance.insurance.concludedOn = date
        insurance.insurance.validFrom = date
        insurance.insurance.validTo = LocalDate(date)!.adding(years: 10).description
        insurance.insurance.sumInsured = "10000000"
        var registration = WirePracticeRecord()
        registration.registration.licenseNumber = license
        registration.registration.registeredOn = date
        registration.registration.reference = "TB-\(license)"
        return [membership, insurance, registration]
    }

    /// Makes each license practise-ready through Chamber/ImportPracticeRecords.
    /// `kinds` picks which of the three (a test of one record itself records that one its own way).
    static func makePractising(
        _ licenses: [(number: String, district: String, from: String)], kinds: Set<PracticeRecordKind> = Set(PracticeRecordKind.allCases),
        ministry: RegistryConnection
    ) async throws {
        var request = WireImportPracticeRecordsRequest()
        request.records = licenses.flatMap { practiceRecords($0.number, district: $0.district, from: $0.from) }.filter { record in
            switch record.record {
            case .membership: kinds.contains(.membership)
            case .insurance: kinds.contains(.insurance)
            case .registration: kinds.contains(.registration)
            case nil: false
            }
        }
        guard !request.records.isEmpty else { return }
        request.historicalSource = "test fixture"
        let result = try await ChamberStub(connection: ministry).importPracticeRecords(request)
        guard result.refused.isEmpty else {
            throw RPCError(code: .failedPrecondition, message: "fixture refused: \(result.refused.map(\.message))")
        }
    }
}

enum PracticeRecordKind: CaseIterable { case membership, insurance, registration }
