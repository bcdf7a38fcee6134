import RegistryWire

/// Hears of every refused call (see `CallGuard` for why refusals are observed, not intercepted).
public protocol CallObserver: Sendable {
    /// The call was refused, by a guard or by the method, with `error`.
    func refused(_ call: CallContext, error: any Error) async
}
