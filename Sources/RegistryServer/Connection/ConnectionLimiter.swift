import NIOConcurrencyHelpers

/// Caps on open connections, overall and per source address, checked as a connection is
/// accepted and before any TLS work: one host cannot take every slot.
final class ConnectionLimiter: Sendable {
    enum Refusal: String, Sendable {
        case total = "total_limit"
        case address = "address_limit"
    }

    let maxTotal: Int
    let maxPerAddress: Int
    private let counts = NIOLockedValueBox(Counts())

    private struct Counts {
        var total = 0
        var byAddress: [String: Int] = [:]
    }

    init(maxTotal: Int, maxPerAddress: Int) {
        self.maxTotal = maxTotal
        self.maxPerAddress = maxPerAddress
    }

    /// Takes a slot for a connection from `address`, or says which cap refuses it.
    func admit(_ address: String) -> Refusal? {
        counts.withLockedValue { counts in
            guard counts.total < maxTotal else { return .total }
            guard counts.byAddress[address, default: 0] < maxPerAddress else { return .address }
            counts.total += 1
            counts.byAddress[address, default: 0] += 1
            return nil
        }
    }

    func release(_ address: String) {
        counts.withLockedValue { counts in
            counts.total -= 1
            let left = counts.byAddress[address, default: 1] - 1
            counts.byAddress[address] = left > 0 ? left : nil
        }
    }

    var open: Int { counts.withLockedValue { $0.total } }
}
