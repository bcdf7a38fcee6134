import Metrics

/// Counters of what the server sees, created once (swift-metrics looks a
/// factory up per construction). Without a metrics backend they cost nothing.
struct ServerMetrics: Sendable {
    let connectionsAccepted = Counter(label: "registry_connections_accepted_total")
    let identityRejected = Counter(label: "registry_connections_identity_rejected_total")
    let malformedFrames = Counter(label: "registry_frames_malformed_total")
    let oversizeFrames = Counter(label: "registry_frames_oversize_total")
    let protocolViolations = Counter(label: "registry_protocol_violations_total")
    let callsByCode: [Counter] = (0...16).map { Counter(label: "registry_calls_total", dimensions: [("code", String($0))]) }

    func callFinished(code: UInt32) {
        if Int(code) < callsByCode.count { callsByCode[Int(code)].increment() }
    }
}
