import Foundation
import RegistryWire
import Testing

/// Authorization comes from the protocol: each rpc's `(policy)` option, generated into its
/// method descriptor. These tests hold the generated policies to the `.proto` text and to
/// PROTOCOL.md §7, so that neither can drift from what the server enforces.
@Suite("Method policies")
struct MethodPolicyTests {
    /// The URI names of the roles (PROTOCOL.md §1), in the order PROTOCOL.md's matrix uses.
    static let roleNames: [(WireCallerRole, String)] = [
        (.ministry, "ministry"), (.territorialBody, "territorialBody"), (.attestationCommission, "attestationCommission"),
        (.republicanChamber, "republicanChamber"), (.regionalChamber, "regionalChamber"), (.prosecutor, "prosecutor"),
        (.bailiff, "bailiff"), (.auditor, "auditor"), (.system, "system"),
    ]

    static func method(_ shortName: String) throws -> MethodInfo {
        try #require(ProtocolMethods.all.first { $0.shortName == shortName })
    }

    @Test func everyMethodDeclaresWhoMayCallIt() {
        #expect(ProtocolMethods.all.count > 90)
        for method in ProtocolMethods.all {
            #expect(method.policy.anyRole || !method.policy.roles.isEmpty, "\(method.shortName) allows nobody")
            #expect(!method.policy.roles.contains(.unspecified), "\(method.shortName)")
        }
    }

    @Test func theRoleNamesCoverEveryCallerRole() {
        #expect(Set(Self.roleNames.map(\.0)) == Set(WireCallerRole.allCases).subtracting([.unspecified]))
    }

    @Test func onlyTheMinistryIssuesLicenses_142_1_AndEveryRoleReadsThem() throws {
        let issue = try Self.method("Licensing/IssueLicense")
        let read = try Self.method("Licensing/GetLicense")
        for (role, _) in Self.roleNames {
            #expect(issue.policy.allows(role) == (role == .ministry))
            #expect(read.policy.allows(role))
        }
        #expect(issue.policy.article == "142.1")
        #expect(issue.policy.isMutation)
        #expect(!read.policy.isMutation)
    }

    @Test func anUnspecifiedRoleIsNeverAllowedEvenWhereEveryRoleIs() throws {
        let health = try Self.method("Health/Check")
        #expect(health.policy.anyRole)
        #expect(!health.policy.allows(.unspecified))
        #expect(!health.policy.allows(.UNRECOGNIZED(42)))
    }

    /// Each rpc's option block, read from the .proto text: the generated code must say the same.
    static func declaredPolicies() throws -> [String: MethodPolicy] {
        let files = try FileManager.default.contentsOfDirectory(atPath: ProtocolDriftTests.protocols.path).filter { $0.hasSuffix(".proto") }
        let service = try Regex(#"^service\s+(\w+)\s*\{"#)
        let rpc = try Regex(#"^\s*rpc\s+(\w+)\s*\("#)
        let option = try Regex(#"option \(policy\) = \{(.*)\};"#)
        let role = try Regex(#"CALLER_ROLE_\w+"#)
        let byName = Dictionary(uniqueKeysWithValues: WireCallerRole.allCases.map { ("CALLER_ROLE_" + Self.protoName($0), $0) })
        var policies: [String: MethodPolicy] = [:]
        for file in files {
            let text = try String(contentsOf: ProtocolDriftTests.protocols.appendingPathComponent(file), encoding: .utf8)
            var current = ""
            var method = ""
            for line in text.split(separator: "\n").map(String.init) where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                if let m = try service.firstMatch(in: line) { current = String(m.output[1].substring!) }
                if let m = try rpc.firstMatch(in: line) { method = String(m.output[1].substring!) }
                guard let m = try option.firstMatch(in: line) else { continue }
                let body = String(m.output[1].substring!)
                let roles = body.matches(of: role).map { byName[String(body[$0.range])] }
                let article = try Regex(#"article: "([^"]+)""#).firstMatch(in: body).map { String($0.output[1].substring!) }
                policies["\(current)/\(method)"] = MethodPolicy(
                    roles: Set(roles.map { $0 ?? .unspecified }), anyRole: body.contains("any_role: true"),
                    isMutation: body.contains("mutation: true"), article: article
                )
            }
        }
        return policies
    }

    /// CALLER_ROLE_TERRITORIAL_BODY for .territorialBody.
    static func protoName(_ role: WireCallerRole) -> String {
        guard let name = roleNames.first(where: { $0.0 == role })?.1 else { return "UNSPECIFIED" }
        return name.map { $0.isUppercase ? "_\($0)" : $0.uppercased() }.joined()
    }

    @Test func theGeneratedPoliciesAreTheOnesTheProtoDeclares() throws {
        let declared = try Self.declaredPolicies()
        #expect(Set(declared.keys) == Set(ProtocolMethods.all.map(\.shortName)))
        for method in ProtocolMethods.all {
            #expect(declared[method.shortName] == method.policy, "\(method.shortName): run scripts/generate-protos")
        }
    }

    static var protocolDocument: URL {
        ProtocolDriftTests.protocols.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("PROTOCOL.md")
    }

    /// §7's table names methods as "`Chamber/AdmitMember`, `ExpelMember`" with "yes"/"no" in its last column.
    @Test func protocolSection7ListsEveryMethodWithWhetherItIsAMutation() throws {
        let text = try String(contentsOf: Self.protocolDocument, encoding: .utf8)
        let section = try #require(
            text.components(separatedBy: "## 7. Services of version 1").last?.components(separatedBy: "\n### ").first)
        var documented: [String: Bool] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            var service = ""
            for name in cells[0].split(separator: ",").map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }) {
                let parts = name.split(separator: "/")
                if parts.count == 2 { service = String(parts[0]) }
                documented["\(service)/\(parts.last!)"] = cells.last == "yes"
            }
        }
        #expect(Set(documented.keys) == Set(ProtocolMethods.all.map(\.shortName)))
        for method in ProtocolMethods.all {
            #expect(documented[method.shortName] == method.policy.isMutation, "\(method.shortName)")
        }
    }

    /// PROTOCOL.md §7.1, the role × method matrix, is rendered from the generated policies.
    /// `REGISTRY_UPDATE_DOCS=1 swift test --filter MethodPolicyTests` rewrites it.
    static func renderedMatrix() -> String {
        var lines = [
            "| method | " + roleNames.map(\.1).joined(separator: " | ") + " | mutation | article |",
            "| --- |" + String(repeating: " :-: |", count: roleNames.count) + " :-: | --- |",
        ]
        for method in ProtocolMethods.all {
            let marks = roleNames.map { method.policy.allows($0.0) ? "✓" : "" }
            lines.append(
                "| `\(method.shortName)` | " + marks.joined(separator: " | ")
                    + " | \(method.policy.isMutation ? "yes" : "no") | \(method.policy.article ?? "") |")
        }
        return lines.joined(separator: "\n")
    }

    @Test func protocolSection7_1IsTheMatrixOfTheGeneratedPolicies() throws {
        let begin = "<!-- generated from the (policy) options: begin -->\n"
        let end = "\n<!-- generated from the (policy) options: end -->"
        let text = try String(contentsOf: Self.protocolDocument, encoding: .utf8)
        let start = try #require(text.range(of: begin))
        let stop = try #require(text.range(of: end))
        let documented = String(text[start.upperBound..<stop.lowerBound])
        if documented != Self.renderedMatrix(), ProcessInfo.processInfo.environment["REGISTRY_UPDATE_DOCS"] == "1" {
            try text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: Self.renderedMatrix())
                .write(to: Self.protocolDocument, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            documented == Self.renderedMatrix(), "PROTOCOL.md §7.1 is stale: REGISTRY_UPDATE_DOCS=1 swift test --filter MethodPolicyTests")
    }
}
