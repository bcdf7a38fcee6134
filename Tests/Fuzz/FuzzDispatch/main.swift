import Enforcement
import Foundation
import FuzzSupport
import RegistryPKI
import RegistryService
import RegistryStore
import RegistryWire
import SwiftProtobuf

@testable import RegistryServer

// libFuzzer target (scripts/fuzz): every method of registryd's method table, called in
// process with an arbitrary payload, as an arbitrary development identity, on a real store.
// Input: [identity][method, 2 bytes big-endian][payload…]. A refusal is the expected answer to
// most inputs; what must never happen is a crash or an error the edge would turn into
// INTERNAL: bad input is always the caller's mistake, named as such.

/// What every input runs against, made once. (Static members, so that this file means the same
/// as an ordinary `main.swift` and, built for libFuzzer, with `-parse-as-library`.)
enum Dispatch {
    /// The store lives in memory-backed storage where there is some: mutations commit with fsync.
    static let folder: URL = {
        let base =
            FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("registry-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    static let table: MethodTable = {
        let store = try! RegistryStore(path: folder.appendingPathComponent("registry.sqlite").path)
        // A fixed moment inside the shipped calendar's years: no input depends on today.
        let clock = FixedClock(Instant(startOf: LocalDate("2026-06-01")!))
        return RegistryEndpoints(core: RegistryCore(store: store, clock: clock), version: "fuzz").methodTable
    }()

    static let paths = table.paths
    static let identities = try! DevelopmentPKILayout.developmentClients.map { try Principal(uri: $0.uri) }

    static func input(identity: Int, method path: String, _ message: any SwiftProtobuf.Message) -> [UInt8] {
        let index = paths.firstIndex(of: path)!
        return [UInt8(identity), UInt8(index >> 8), UInt8(index & 0xFF)] + (try! message.serializedBytes() as [UInt8])
    }

    static func seeds() -> [[UInt8]] {
        // Every method with an empty request, as the Ministry (identity 0).
        var seeds = paths.indices.map { [0, UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let person = WireRegisterPersonRequest.with {
            $0.iin = "850115300014"
            $0.surname = "Ахметов"
            $0.givenName = "Ержан"
            $0.residenceDistrict = "almaty-city"
            $0.education = .higherLegal
            $0.facts = [
                WirePersonFact.with {
                    $0.kind = .citizenship
                    $0.from = "1985-01-15"
                }
            ]
        }
        let issue = WireIssueLicenseRequest.with {
            $0.holderIin = "850115300014"
            $0.district = "almaty-city"
            $0.issueDate = "2026-03-03"
            $0.basis.exemption = .prosecutorOrInvestigator
            $0.basis.evidence = "service record 2010–2020"
            $0.licenseFeePaid = true
            $0.historicalSource = "license file of the Ministry, 2026"
        }
        seeds.append(input(identity: 0, method: RegistryMethods.registerPerson.path, person))
        seeds.append(input(identity: 0, method: LicensingMethods.issueLicense.path, issue))
        seeds.append(input(identity: 0, method: LicensingMethods.getLicense.path, WireGetLicenseRequest.with { $0.number = "2026-000001" }))
        seeds.append(
            input(
                identity: 0, method: LicensingMethods.suspendLicense.path,
                WireSuspendLicenseRequest.with {
                    $0.number = "2026-000001"
                    $0.ground = "s143_2_1"
                    $0.termEnd = "2026-09-01"
                    $0.reasons = "seed"
                }))
        return seeds
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    SeedCorpus.plant(Dispatch.seeds())
    atexit { try? FileManager.default.removeItem(at: Dispatch.folder) }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDispatch(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    guard bytes.count >= 3 else { return 0 }
    let principal = Dispatch.identities[Int(bytes[0]) % Dispatch.identities.count]
    let method = Dispatch.table.method(for: Dispatch.paths[(Int(bytes[1]) << 8 | Int(bytes[2])) % Dispatch.paths.count])!
    let call = CallContext(principal: principal, method: method.info, requestID: "fuzz", idempotencyKey: nil, payload: Data(bytes[3...]))
    runBlocking {
        do {
            _ = try await method.run(call)
        } catch  where !RPCError.isUnexpected(error) {
            // Refused, with a status and a reason: what bad input should get.
        } catch {
            fatalError("\(method.info.path) as \(principal.uri) answered INTERNAL for a bad input: \(error)")
        }
    }
    return 0
}

#if FUZZING
    // Built by scripts/fuzz (-DFUZZING -parse-as-library): SwiftPM enters a debug executable through
    // `FuzzDispatch_main`, which hands over to libFuzzer's driver.
    @_cdecl("FuzzDispatch_main")
    public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        runFuzzer(argc, argv) { data, count in
            guard let data else { return 0 }
            return fuzzDispatch(UnsafeRawPointer(data), count)
        }
    }
#endif
