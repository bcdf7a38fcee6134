import Foundation
import GRDB
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The mass transfer of DOMAIN.md §7.1 end to end: N proceedings held by one bailiff of a
/// district with R peers of varied loads, his suspension, and the time until registryd's
/// worker has placed every proceeding (the Law gives the regional chamber 3 working days,
/// 162.1.2-3). For scale it also times, in the same run, a plain one-transaction SQLite
/// UPDATE of the same rows on a copy of the server's database.
enum TransferBench {
    static func run(_ pool: [RegistryConnection], proceedings count: Int, receivers: Int, serverPid: Int?, today: String?, database: String)
        async throws
    {
        let connection = pool[0]
        let district = "kostanay"
        var licenses: Set<String> = []
        while licenses.count < receivers + 1 {
            let number = try await RegistryBench.prepareLicense(connection, district: district)
            let license = try await LicensingStub(connection: connection).getLicense(.with { $0.number = number }).license
            if license.status == .active { licenses.insert(number) }
        }
        let sorted = licenses.sorted()
        let outgoing = sorted[0]
        let clock = ContinuousClock()
        let runTag = String(Int.random(in: 100_000..<999_999))
        let peak = PeakMemory(pid: serverPid)

        // Peers start with varied loads: 0, 10, 20, … 90 proceedings, repeating.
        var peerRows: [WireProceedingRecord] = []
        for (index, peer) in sorted.dropFirst().enumerated() {
            peerRows += (0..<((index % 10) * 10)).map {
                record("BENCH-\(runTag)-P\(index)-\($0)", holder: peer, district: district, index: $0)
            }
        }
        _ = try await importAll(peerRows, pool: pool)

        let importStart = clock.now
        let rows = (0..<count).map { record("BENCH-\(runTag)-\($0)", holder: outgoing, district: district, index: $0) }
        try await importAll(rows, pool: pool)
        let importSeconds = seconds(importStart.duration(to: clock.now))
        peak.sample()

        var suspend = WireSuspendLicenseRequest()
        suspend.number = outgoing
        suspend.ground = "s143_2_5"
        suspend.reasons = "benchmark"
        suspend.proposal = .with {
            $0.author = .territorialBody
            $0.reference = "BENCH-\(runTag)"
        }
        suspend.termEnd = termEnd(today: today)
        let decisionStart = clock.now
        _ = try await LicensingStub(connection: connection).suspendLicense(suspend)
        let decisionSeconds = seconds(decisionStart.duration(to: clock.now))

        let stub = ProceedingsStub(connection: connection)
        var job = WireTransferJob()
        while true {
            peak.sample()
            job = try await stub.listTransferJobs(.with { $0.licenseNumber = outgoing }).jobs.first ?? job
            if job.state == "completed" || job.state == "blocked" { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let transferSeconds = seconds(decisionStart.duration(to: clock.now))
        peak.sample()
        // After the transfer, so that copying the database does not compete with it for the disk.
        let baseline = try baselineUpdate(database: database, numbers: rows.map(\.number), peers: Array(sorted.dropFirst()))
        print("registry-bench: transfer of \(count) proceedings from \(outgoing) to \(receivers) bailiffs of \(district) (loads 0–90)")
        print(
            String(
                format: "  import      %.2f s  (%.0f rows/s, 1,000 per request, 2 in flight)", importSeconds, Double(count) / importSeconds)
        )
        print(String(format: "  suspension  %.3f s  (decision, hand-over of every proceeding to the chamber, job)", decisionSeconds))
        print(
            String(
                format: "  transfer    %.2f s  from the suspension until the job was %@ (%.0f proceedings/s)", transferSeconds, job.state,
                Double(count) / transferSeconds))
        if let baseline {
            print(
                String(
                    format: "  baseline    %.3f s  plain UPDATE of the same rows in one transaction on a copy; transfer = %.1f× it",
                    baseline, transferSeconds / baseline))
        }
        if let rss = peak.peakKiB { print("  server RSS  \(rss / 1024) MiB peak (VmHWM)") }
        var json: [String: Any] = [
            "bench": "Transfer", "proceedings": count, "receivers": receivers, "import_s": importSeconds, "suspension_s": decisionSeconds,
            "transfer_s": transferSeconds, "state": job.state, "reassigned": job.reassigned, "server_peak_rss_kib": peak.peakKiB ?? -1,
        ]
        if let baseline {
            json["baseline_update_s"] = baseline
            json["ratio"] = transferSeconds / baseline
        }
        print(String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self))
        if job.state != "completed" || job.reassigned != count {
            throw BenchFailure("job \(job.id) ended \(job.state) with \(job.reassigned) of \(count)")
        }
    }

    static func record(_ number: String, holder: String, district: String, index: Int) -> WireProceedingRecord {
        .with {
            $0.number = number
            $0.documentKind = "courtWrit"
            $0.documentReference = "2-\(index)/2026"
            $0.category = index % 4 == 0 ? "sociallySignificant" : "other"
            $0.creditorName = "Creditor \(index)"
            $0.debtorName = "Debtor \(index)"
            $0.debtorDistrict = district
            $0.amount = "100000"
            $0.openedOn = "2026-01-15"
            $0.holderLicense = holder
            $0.advancePaid = "2000"
        }
    }

    /// Imports in requests of 1,000, two in flight per connection used.
    @discardableResult
    static func importAll(_ rows: [WireProceedingRecord], pool: [RegistryConnection]) async throws -> Int {
        let batches = stride(from: 0, to: rows.count, by: 1_000).map { Array(rows[$0..<min(rows.count, $0 + 1_000)]) }
        let stubs = pool.prefix(2).map { ProceedingsStub(connection: $0) }
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for lane in 0..<2 {
                group.addTask {
                    var done = 0
                    for batch in batches.enumerated() where batch.offset % 2 == lane {
                        let response = try await stubs[lane % stubs.count].importProceedings(.with { $0.proceedings = batch.element })
                        guard response.refused.isEmpty else { throw BenchFailure("import refused rows: \(response.refused.prefix(3))") }
                        done += response.accepted.count
                    }
                    return done
                }
            }
            return try await group.reduce(0, +)
        }
    }

    /// Seconds of one transaction that moves the transferred proceedings to the peers, one UPDATE
    /// per row, on a copy of the server's database (same schema, indexes and rows). nil when the
    /// database is not readable from here (a remote server).
    static func baselineUpdate(database: String, numbers: [String], peers: [String]) throws -> Double? {
        guard FileManager.default.fileExists(atPath: database), !peers.isEmpty else { return nil }
        let copyPath = FileManager.default.temporaryDirectory.appendingPathComponent("registry-bench-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copyPath + suffix) } }
        var configuration = Configuration()
        configuration.readonly = true
        let source = try DatabaseQueue(path: database, configuration: configuration)
        let copy = try DatabaseQueue(path: copyPath)
        try source.backup(to: copy)
        try source.close()
        let clock = ContinuousClock()
        let start = clock.now
        try copy.write { db in
            let update = try db.makeStatement(sql: "UPDATE proceeding SET holder_license = ? WHERE number = ?")
            for (index, number) in numbers.enumerated() {
                try update.execute(arguments: [peers[index % peers.count], number])
            }
        }
        return seconds(start.duration(to: clock.now))
    }

    /// The suspension's term: a month after the server's date.
    static func termEnd(today: String?) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(secondsFromGMT: 5 * 3600)
        let base = today.flatMap { formatter.date(from: $0) } ?? Date()
        return formatter.string(from: base.addingTimeInterval(30 * 86_400))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The server's peak resident memory (VmHWM covers the whole run, whatever the sampling).
final class PeakMemory: @unchecked Sendable {
    let pid: Int?
    private(set) var peakKiB: Int?

    init(pid: Int?) { self.pid = pid }

    func sample() {
        guard let pid, let rss = RegistryBench.residentMemory(pid: pid) else { return }
        peakKiB = max(peakKiB ?? 0, rss.peak)
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
