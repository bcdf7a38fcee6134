import Enforcement
import Foundation
import Licensing
import Logging
import RegistryStore

/// The registry's use cases. Each public method authorizes, validates, decides
/// with the pure domain, and stores the outcome with its audit entry in one
/// transaction. Errors are `Rejection`s (mapped to statuses at the edge) or
/// storage failures (INTERNAL).
public final class RegistryCore: Sendable {
    public let store: RegistryStore
    public let clock: any RegistryClock
    /// How receiving bailiffs are chosen for transfer jobs created from now on (162.1.2 leaves it to the Ministry).
    public let transferPolicy: TransferPolicy
    /// Notified after every mutation: it may have created transfer work or a receiver.
    public let workSignal = WorkSignal()
    let logger: Logger
    let receiverSets = ReceiverSetCache()

    public init(store: RegistryStore, clock: any RegistryClock = SystemClock(), transferPolicy: TransferPolicy = .standard,
                logger: Logger = Logger(label: "registry.core")) {
        self.store = store
        self.clock = clock
        self.transferPolicy = transferPolicy
        self.logger = logger
    }

    /// Records a refusal that happened before any transaction (e.g. a denied role).
    public func auditRefusal(_ operation: Operation, _ rejection: Rejection, context: RequestContext) async {
        let entry = auditEntry(operation, context: context, outcome: Self.outcome(of: rejection), subject: "")
        do {
            _ = try await store.write { tx in try tx.appendAudit(entry) }
        } catch {
            logger.error("could not audit a refusal", metadata: ["method": "\(operation.rawValue)", "error": "\(error)"])
        }
    }

    func auditEntry(_ operation: Operation, context: RequestContext, outcome: String, subject: String, digest: String? = nil) -> AuditEntry {
        AuditEntry(
            at: clock.now(), principal: context.principal.uri, method: operation.rawValue,
            requestID: context.requestID, requestDigest: digest ?? context.requestDigest, outcome: outcome, subject: subject
        )
    }

    static func outcome(of rejection: Rejection) -> String {
        ([rejection.code.name, rejection.reason] + (rejection.article.map { ["Art. \($0)"] } ?? [])).joined(separator: " ")
    }

    /// Authorizes a call, auditing a denial.
    func authorize(_ operation: Operation, _ context: RequestContext) async throws(Rejection) {
        do {
            try AuthorizationTable.authorize(context.principal, operation)
        } catch {
            await auditRefusal(operation, error, context: context)
            throw error
        }
    }

    /// The frame of every mutation: authorization, idempotent replay, the decision
    /// in a savepoint, and the audit entry, in one transaction. A refusal is
    /// audited too, and none of the refused call's writes are kept.
    func mutate<Result: Codable & Sendable>(
        _ operation: Operation,
        context: RequestContext,
        subject: @escaping @Sendable (Result) -> String,
        _ decide: @escaping @Sendable (StoreTransaction, Instant) throws -> Result
    ) async throws -> Result {
        try await authorize(operation, context)
        let now = clock.now()
        let outcome: Outcome<Result> = try await store.write { tx in
            let digest = context.requestDigest
            if let key = context.idempotencyKey,
               let stored = try tx.storedResult(principal: context.principal.uri, key: key) {
                guard stored.method == operation.rawValue, stored.requestDigest == digest else {
                    return .rejected(Rejection(
                        .invalidArgument, reason: "IDEMPOTENCY_KEY_REUSED",
                        message: "idempotency key was already used for a different request (\(stored.method))",
                        fieldViolations: [.init(field: "idempotency_key", description: "reused with a different request")]
                    ))
                }
                return .replayed(try JSONDecoder().decode(Result.self, from: stored.result))
            }
            do {
                let result = try tx.savepoint { try decide(tx, now) }
                try tx.appendAudit(self.auditEntry(operation, context: context, outcome: "OK", subject: subject(result), digest: digest))
                if let key = context.idempotencyKey {
                    try tx.storeResult(principal: context.principal.uri, key: key, method: operation.rawValue,
                                       requestDigest: digest, result: try JSONEncoder().encode(result), at: now)
                }
                return .done(result)
            } catch let rejection as Rejection {
                try tx.appendAudit(self.auditEntry(operation, context: context, outcome: Self.outcome(of: rejection), subject: "", digest: digest))
                return .rejected(rejection)
            }
        }
        switch outcome {
        case .done(let result):
            workSignal.notify()
            return result
        case .replayed(let result): return result
        case .rejected(let rejection): throw rejection
        }
    }

    enum Outcome<Result: Sendable>: Sendable {
        case done(Result)
        case replayed(Result)
        case rejected(Rejection)
    }
}
