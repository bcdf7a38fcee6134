import Foundation
import RegistryClient
import RegistryWire
import SwiftProtobuf

/// The mass transfer of DOMAIN.md §7.1 end to end: N proceedings held by one bailiff of a
/// district with R others, his suspension, and the time until registryd's worker has
/// placed every proceeding (the Law gives the regional chamber 3 working days, 162.1.2-3).
enum TransferBench {
    static func run(_ connection: RegistryConnection, proceedings count: Int, receivers: Int, serverPid: Int?) async throws {
        let district = "kostanay"
        var licenses: Set<String> = []
        while licenses.count < receivers + 1 {
            let number = try await RegistryBench.prepareLicense(connection, district: district)
            let license = try await LicensingStub(connection: connection).getLicense(.with { $0.number = number }).license
            if license.status == .active { licenses.insert(number) }
        }
        let outgoing = licenses.sorted()[0]
        let clock = ContinuousClock()
        let runTag = String(Int.random(in: 100_000..<999_999))

        let importStart = clock.now
        let stub = ProceedingsStub(connection: connection)
        for start in stride(from: 0, to: count, by: 1_000) {
            let rows = (start..<min(count, start + 1_000)).map { i in
                WireProceedingRecord.with {
                    $0.number = "BENCH-\(runTag)-\(i)"
                    $0.documentKind = "courtWrit"
                    $0.documentReference = "2-\(i)/2026"
                    $0.category = i % 4 == 0 ? "sociallySignificant" : "other"
                    $0.creditorName = "Creditor \(i)"
                    $0.debtorName = "Debtor \(i)"
                    $0.debtorDistrict = district
                    $0.amount = "100000"
                    $0.openedOn = "2026-01-15"
                    $0.holderLicense = outgoing
                    $0.advancePaid = "2000"
                }
            }
            let response = try await stub.importProceedings(.with { $0.proceedings = rows })
            guard response.refused.isEmpty else { throw BenchFailure("import refused rows: \(response.refused.prefix(3))") }
        }
        let importSeconds = seconds(importStart.duration(to: clock.now))

        var suspend = WireSuspendLicenseRequest()
        suspend.number = outgoing
        suspend.ground = "s143_2_5"
        suspend.reasons = "benchmark"
        suspend.proposal = .with { $0.author = .territorialBody; $0.reference = "BENCH-\(runTag)" }
        let today = Date()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(secondsFromGMT: 5 * 3600)
        suspend.termEnd = formatter.string(from: today.addingTimeInterval(30 * 86_400))
        let decisionStart = clock.now
        _ = try await LicensingStub(connection: connection).suspendLicense(suspend)
        let decisionSeconds = seconds(decisionStart.duration(to: clock.now))

        var job = WireTransferJob()
        while true {
            job = try await stub.listTransferJobs(.with { $0.licenseNumber = outgoing }).jobs.first ?? job
            if job.state == "completed" || job.state == "blocked" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let transferSeconds = seconds(decisionStart.duration(to: clock.now))
        let rss = serverPid.flatMap(RegistryBench.residentMemory)
        print("registry-bench: transfer of \(count) proceedings from \(outgoing) to \(receivers) bailiffs of \(district)")
        print(String(format: "  import      %.2f s  (%.0f rows/s)", importSeconds, Double(count) / importSeconds))
        print(String(format: "  suspension  %.3f s  (decision, hand-over of every proceeding to the chamber, job)", decisionSeconds))
        print(String(format: "  transfer    %.2f s  until the job was %@ (%.0f proceedings/s, worker tick 1 s included)", transferSeconds, job.state, Double(count) / transferSeconds))
        if let rss { print("  server RSS  \(rss.current / 1024) MiB now, \(rss.peak / 1024) MiB peak") }
        let json: [String: Any] = [
            "bench": "Transfer", "proceedings": count, "receivers": receivers, "import_s": importSeconds, "suspension_s": decisionSeconds,
            "transfer_s": transferSeconds, "state": job.state, "reassigned": job.reassigned, "server_peak_rss_kib": rss?.peak ?? -1,
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self))
        if job.state != "completed" || job.reassigned != count { throw BenchFailure("job \(job.id) ended \(job.state) with \(job.reassigned) of \(count)") }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
