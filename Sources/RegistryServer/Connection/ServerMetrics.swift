import Metrics

/// Counters of what the server sees, created once (swift-metrics looks a
/// factory up per construction). Without a metrics backend they cost nothing.
struct ServerMetrics: Sendable {
    let connectionsAccepted = Counter(label: "registry_connections_accepted_total")
    let handshakeFailures = Counter(label: "registry_tls_handshake_failures_total")
    let connectionsOpen = Gauge(label: "registry_connections_open")
    let callsByCode: [Counter] = (0...16).map { Counter(label: "registry_calls_total", dimensions: [("code", String($0))]) }
    /// Connections the server ended, by why (identity, timeouts, protocol violations, limits).
    let closedByReason: [String: Counter] = Dictionary(
        uniqueKeysWithValues: ConnectionCloseReason.allCases.map {
            ($0.rawValue, Counter(label: "registry_connections_closed_total", dimensions: [("reason", $0.rawValue)]))
        })
    /// Connections refused at accept by a connection cap.
    let refusedByReason: [String: Counter] = Dictionary(
        uniqueKeysWithValues: ["total_limit", "address_limit"].map {
            ($0, Counter(label: "registry_connections_refused_total", dimensions: [("reason", $0)]))
        })

    func callFinished(code: UInt32) {
        if Int(code) < callsByCode.count { callsByCode[Int(code)].increment() }
    }

    func connectionClosed(_ reason: ConnectionCloseReason) {
        closedByReason[reason.rawValue]?.increment()
    }

    func connectionRefused(_ reason: ConnectionLimiter.Refusal) {
        refusedByReason[reason.rawValue]?.increment()
    }
}
