import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import RegistryClient
import RegistryPKI
import RegistryWire
import SwiftProtobuf

/// Load generator: C connections × K calls in flight of `Licensing.GetLicense`
/// against a running registryd over mTLS, for a fixed duration after a warm-up.
/// Checks every answer; prints throughput, latency percentiles, errors, and one JSON line.
@main
struct RegistryBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry-bench",
        abstract: "Drive GetLicense against registryd and report requests/s and latency.",
        discussion:
            "Against `registryd --dev` it uses ./registry-data/pki; it registers a person and issues a license to read when --number is not given."
    )

    @Option(help: "Server address host:port.") var server = "127.0.0.1:7443"
    @Option(help: "Data folder of a --dev server (for its PKI).") var data = "registry-data"
    @Option(help: "Development identity to call as.") var role = "ministry"
    @Option(help: "Connections.") var connections = 8
    @Option(help: "Calls in flight per connection.") var concurrency = 32
    @Option(help: "Measured seconds.") var duration = 10.0
    @Option(help: "Warm-up seconds (not measured).") var warmup = 2.0
    @Option(help: "License number to read (default: issue one first).") var number: String?
    @Option(help: "Client event-loop threads.") var threads = 1
    @Option(help: "PID of registryd, to report its resident memory.") var serverPid: Int?
    @Option(help: "Instead of GetLicense: import this many proceedings for one bailiff, suspend him, and time the transfer to the others.")
    var transfer: Int?
    @Option(help: "Receiving bailiffs in the district, with --transfer; they start with varied loads.") var receivers = 50
    @Option(help: "Kazakhstan date of the server's clock, YYYY-MM-DD, for the suspension's term (default: today).") var today: String?
    @Option(
        help:
            "Instead of GetLicense: time Health before and while this many abusive connections are held (raw TCP, TLS without a Preface, an unfinished 4 MiB frame)."
    ) var abusers: Int?
    @Option(help: "Client certificate (default: the --dev PKI in --data).") var cert: String?
    @Option(help: "Client key.") var key: String?
    @Option(help: "CA certificate.") var ca: String?

    func run() async throws {
        guard let colon = server.lastIndex(of: ":"), let port = Int(server[server.index(after: colon)...]) else {
            throw ValidationError("--server must be host:port")
        }
        let host = String(server[..<colon])
        let layout = DevelopmentPKILayout(dataFolder: URL(fileURLWithPath: data))
        var tls = try ClientTLS(
            certificateFile: cert ?? layout.clientCertificate(role).path, keyFile: key ?? layout.clientKey(role).path,
            caFile: ca ?? layout.caCertificate.path)
        tls.serverName = "localhost"
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)

        if let abusers {
            try await AbuseBench.run(
                host: host, port: port, tls: tls, abusers: abusers, duration: duration, serverPid: serverPid, group: group)
            try await group.shutdownGracefully()
            return
        }
        var pool: [RegistryConnection] = []
        for _ in 0..<connections {
            pool.append(try await RegistryConnection.connect(host: host, port: port, tls: tls, group: group, peerName: "registry-bench"))
        }
        if let transfer {
            let database = URL(fileURLWithPath: data).appendingPathComponent("registry.sqlite").path
            try await TransferBench.run(
                pool, proceedings: transfer, receivers: receivers, serverPid: serverPid, today: today, database: database)
            for connection in pool { await connection.close() }
            try await group.shutdownGracefully()
            return
        }
        let target: String
        if let number { target = number } else { target = try await Self.prepareLicense(pool[0]) }
        let clock = ContinuousClock()
        let start = clock.now
        let measureFrom = start.advanced(by: .milliseconds(Int(warmup * 1000)))
        let end = measureFrom.advanced(by: .milliseconds(Int(duration * 1000)))

        let results = try await withThrowingTaskGroup(of: WorkerResult.self) { tasks in
            for connection in pool {
                for _ in 0..<concurrency {
                    tasks.addTask {
                        try await Self.worker(
                            LicensingStub(connection: connection), number: target, clock: clock, measureFrom: measureFrom, end: end)
                    }
                }
            }
            var all: [WorkerResult] = []
            for try await r in tasks { all.append(r) }
            return all
        }
        for connection in pool { await connection.close() }
        try await group.shutdownGracefully()

        var latencies = results.flatMap(\.latencies)
        latencies.sort()
        let errors = results.reduce(0) { $0 + $1.errors }
        let mismatches = results.reduce(0) { $0 + $1.mismatches }
        let rps = Double(latencies.count) / duration
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) / 1_000_000
        }
        let rss = serverPid.flatMap(Self.residentMemory)
        print(
            "registry-bench: GetLicense \(target), \(connections) connections × \(concurrency) in flight, \(duration)s after \(warmup)s warm-up"
        )
        print(String(format: "  requests/s  %.0f", rps))
        print(String(format: "  latency ms  p50 %.3f  p90 %.3f  p99 %.3f", percentile(0.5), percentile(0.9), percentile(0.99)))
        print("  calls \(latencies.count)  errors \(errors)  wrong answers \(mismatches)")
        if let rss { print("  server RSS  \(rss.current / 1024) MiB now, \(rss.peak / 1024) MiB peak") }
        let json: [String: Any] = [
            "bench": "GetLicense", "connections": connections, "concurrency": concurrency, "duration_s": duration,
            "requests_per_s": (rps * 10).rounded() / 10, "p50_ms": percentile(0.5), "p90_ms": percentile(0.9), "p99_ms": percentile(0.99),
            "calls": latencies.count, "errors": errors, "wrong_answers": mismatches,
            "server_rss_kib": rss?.current ?? -1, "server_peak_rss_kib": rss?.peak ?? -1,
        ]
        let line = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        print(String(decoding: line, as: UTF8.self))
        if errors > 0 || mismatches > 0 { throw ExitCode(1) }
    }

    struct WorkerResult: Sendable {
        var latencies: [UInt64] = []
        var errors = 0
        var mismatches = 0
    }

    static func worker(
        _ stub: LicensingStub, number: String, clock: ContinuousClock, measureFrom: ContinuousClock.Instant, end: ContinuousClock.Instant
    ) async throws -> WorkerResult {
        var result = WorkerResult()
        result.latencies.reserveCapacity(100_000)
        var request = WireGetLicenseRequest()
        request.number = number
        while true {
            let began = clock.now
            if began >= end { break }
            do {
                let response = try await stub.getLicense(request)
                if response.license.number != number { result.mismatches += 1 }
                if began >= measureFrom {
                    let elapsed = began.duration(to: clock.now).components
                    result.latencies.append(UInt64(elapsed.seconds) * 1_000_000_000 + UInt64(elapsed.attoseconds / 1_000_000_000))
                }
            } catch {
                if began >= measureFrom { result.errors += 1 }
            }
        }
        return result
    }

    /// Registers a person and issues a license to read, as the Ministry.
    static func prepareLicense(_ connection: RegistryConnection, district: String = "astana") async throws -> String {
        let serial = Int.random(in: 0..<10_000)
        var iin = ""
        for s in serial..<(serial + 100) {
            let prefix = "8801013" + String(format: "%04d", s % 10_000)
            let digits = prefix.compactMap(\.wholeNumberValue)
            let rows = [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]]
            if let check = rows.lazy.map({ zip(digits, $0).reduce(0) { $0 + $1.0 * $1.1 } % 11 }).first(where: { $0 != 10 }) {
                iin = prefix + String(check)
                break
            }
        }
        var person = WireRegisterPersonRequest()
        person.iin = iin
        person.surname = "Бенчмарков"
        person.givenName = "Тест"
        person.residenceDistrict = district
        person.education = .higherLegal
        person.facts = [
            .with {
                $0.kind = .citizenship
                $0.from = "1988-01-01"
            }
        ]
        do {
            _ = try await RegistryStub(connection: connection).registerPerson(person)
        } catch let error as RPCError where error.code == .alreadyExists {}
        var issue = WireIssueLicenseRequest()
        issue.holderIin = iin
        issue.district = district
        issue.basis.exemption = .stateEnforcementService
        issue.basis.evidence = "benchmark"
        // A fixture license, imported as one issued before the registry (an explicit basis needs its source, 142.1).
        issue.historicalSource = "registry-bench fixture"
        issue.licenseFeePaid = true
        let license: WireLicense
        do {
            license = try await LicensingStub(connection: connection).issueLicense(issue).license
        } catch let error as RPCError where error.code == .alreadyExists {
            license = try await RegistryStub(connection: connection).getBailiff(.with { $0.iin = iin }).licenses[0]
        }
        try await practiseReady(license, connection: connection)
        return license.number
    }

    /// Membership, a sufficient contract and the registration (140.1, 146.1, 168.1.4): without
    /// them on record a bailiff receives nothing. On a rerun they are there already, and refused.
    static func practiseReady(_ license: WireLicense, connection: RegistryConnection) async throws {
        var membership = WirePracticeRecord()
        membership.membership = .with {
            $0.licenseNumber = license.number
            $0.district = license.district
            $0.admittedOn = license.issuedOn
            $0.decision = "bench"
        }
        var insurance = WirePracticeRecord()
        insurance.insurance = .with {
            $0.licenseNumber = license.number
            $0.insurer = "bench"
            $0.contractNumber = "PL-\(license.number)"
            $0.concludedOn = license.issuedOn
            $0.validFrom = license.issuedOn
            $0.validTo = "2099-12-31"
            $0.sumInsured = "100000000"
        }
        var registration = WirePracticeRecord()
        registration.registration = .with {
            $0.licenseNumber = license.number
            $0.registeredOn = license.issuedOn
            $0.reference = "TB-\(license.number)"
        }
        _ = try await ChamberStub(connection: connection).importPracticeRecords(
            .with {
                $0.records = [membership, insurance, registration]
                $0.historicalSource = "registry-bench fixture"
            })
    }

    /// VmRSS and VmHWM of a process, in KiB.
    static func residentMemory(pid: Int) -> (current: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func value(_ key: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix(key) }?.split(separator: " ").compactMap { Int($0) }.first
        }
        guard let rss = value("VmRSS:"), let hwm = value("VmHWM:") else { return nil }
        return (rss, hwm)
    }
}
