import Foundation
import RegistryWire
import Testing

/// The `.proto` service blocks are the source of truth; the generated method
/// tables must list exactly their rpcs. Fails when someone edits a .proto and
/// forgets scripts/generate-protos.
@Suite("Protocol and generated code agree")
struct ProtocolDriftTests {
    static var protocols: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Protocols/kz/bailiff/registry/v1")
    }

    /// "rpc Name(Request) returns (Response);" lines of every .proto, as MethodInfo-like strings.
    static func declaredMethods() throws -> Set<String> {
        let files = try FileManager.default.contentsOfDirectory(atPath: protocols.path).filter { $0.hasSuffix(".proto") }
        var methods: Set<String> = []
        let rpc = try Regex(#"rpc\s+(\w+)\s*\(\s*(\w+)\s*\)\s*returns\s*\(\s*(\w+)\s*\)"#)
        let service = try Regex(#"service\s+(\w+)\s*\{"#)
        for file in files {
            let text = try String(contentsOf: protocols.appendingPathComponent(file), encoding: .utf8)
            var current = ""
            // Comments may quote an rpc as an example; only declarations count.
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                if let m = try service.firstMatch(in: String(line)) { current = String(m.output[1].substring!) }
                if let m = try rpc.firstMatch(in: String(line)) {
                    let (name, req, resp) = (m.output[1].substring!, m.output[2].substring!, m.output[3].substring!)
                    methods.insert(
                        "/kz.bailiff.registry.v1.\(current)/\(name)(kz.bailiff.registry.v1.\(req)) -> kz.bailiff.registry.v1.\(resp)")
                }
            }
        }
        return methods
    }

    @Test func generatedMethodTablesMatchTheProtoServices() throws {
        let declared = try Self.declaredMethods()
        let generated = Set(ProtocolMethods.all.map(\.description))
        #expect(!declared.isEmpty)
        #expect(generated == declared)
    }

    @Test func methodPathsAreUnique() {
        let paths = ProtocolMethods.all.map(\.path)
        #expect(Set(paths).count == paths.count)
    }
}
