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

#if FUZZING
    /// libFuzzer's driver, for an entry point of our own: SwiftPM links a debug executable's
    /// `main` to `<Module>_main`, so libFuzzer's own `main` cannot be used.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// Runs libFuzzer with the process's arguments on `callback`.
    public func runFuzzer(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, callback)
    }
#endif
