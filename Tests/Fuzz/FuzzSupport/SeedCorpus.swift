import Foundation

/// The corpus folder libFuzzer was given (its first argument that is not a `-flag`), seeded
/// with `seeds` when it holds nothing yet, so a first run starts from well-formed inputs.
public enum SeedCorpus {
    public static func plant(_ seeds: @autoclosure () throws -> [[UInt8]], arguments: [String] = CommandLine.arguments) rethrows {
        guard let folder = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }) else { return }
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
            (try? fm.contentsOfDirectory(atPath: folder))?.isEmpty ?? false
        else { return }
        for (index, seed) in try seeds().enumerated() {
            _ = fm.createFile(atPath: "\(folder)/seed-\(index)", contents: Data(seed))
        }
    }
}

/// Runs `body` to completion from libFuzzer's synchronous entry point.
public func runBlocking(_ body: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task {
        await body()
        done.signal()
    }
    done.wait()
}
