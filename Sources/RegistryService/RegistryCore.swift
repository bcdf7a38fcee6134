import Enforcement
import Foundation
import Licensing
import Logging
import RegistryStore

/// The registry's use cases. Each public method validates, decides with the pure
/// domain, and stores the outcome with its audit entry in one transaction. Callers
/// are authorized before they get here, from the method's policy in the protocol.
/// Errors are `Rejection`s (mapped to statuses at the edge) or storage failures (INTERNAL).
public final class RegistryCore: Sendable {
    public let store: RegistryStore
    public let clock: any RegistryClock
    /// How receiving bailiffs are chosen for transfer jobs created from now on (162.1.2 leaves it to the Ministry).
    public let transferPolicy: TransferPolicy
    /// Notified after every mutation: it may have created transfer work or a receiver.
    public let workSignal = WorkSignal()
    let logger: Logger
    let receiverSets = ReceiverSetCache()

    public init(
        store: RegistryStore, clock: any RegistryClock, transferPolicy: TransferPolicy = .standard,
        logger: Logger = Logger(label: "registry.core")
    ) {
        self.store = store
        self.clock = clock
        self.transferPolicy = transferPolicy
        self.logger = logger
    }

    /// Records a call refused outside a unit of work: by the edge before the use case ran
    /// (denied, undecodable, malformed) or by a use case that reads. `code` is the status
    /// name (`PERMISSION_DENIED`); `reason` and `article` as the caller was told.
    public func auditRefusal(code: String, reason: String, article: String?, context: RequestContext) async {
        let entry = auditEntry(context: context, outcome: Self.outcome(code: code, reason: reason, article: article), subject: "")
        do {
            // In a task of its own: the refused call's task may be cancelled (its deadline
            // passed), and a cancelled task's write never starts.
            let store = self.store
            _ = try await Task { try await store.write { tx in try tx.appendAudit(entry) } }.value
            context.gate.markAuditRecorded()
        } catch {
            logger.error("could not audit a refusal", metadata: ["method": "\(context.method)", "error": "\(error)"])
        }
    }

    func auditEntry(context: RequestContext, outcome: String, subject: String, digest: String? = nil) -> AuditEntry {
        AuditEntry(
            at: clock.now(), principal: context.principal.uri, method: context.method,
            requestID: context.requestID, requestDigest: digest ?? context.requestDigest, outcome: outcome, subject: subject
        )
    }

    /// "PERMISSION_DENIED ROLE_NOT_ALLOWED Art. 142.1": the status as the caller was told it.
    static func outcome(code: String, reason: String, article: String?) -> String {
        ([code] + (reason.isEmpty ? [] : [reason]) + (article.map { ["Art. \($0)"] } ?? [])).joined(separator: " ")
    }

    static func outcome(of rejection: Rejection) -> String {
        // The domain's code names are camel case ("failedPrecondition"); the log uses the status names.
        let code = rejection.code.name.map { $0.isUppercase ? "_\($0)" : $0.uppercased() }.joined()
        return outcome(code: code, reason: rejection.reason, article: rejection.article?.reference)
    }

    /// The frame of every mutation (the unit of work): idempotent replay, the decision in
    /// a savepoint, and the audit entry, in one transaction. A refusal is audited too, and
    /// none of the refused call's writes are kept. The edge has authorized the call.
    func mutate<Result: Codable & Sendable>(
        context: RequestContext,
        subject: @escaping @Sendable (Result) -> String,
        _ decide: @escaping @Sendable (StoreTransaction, Instant) throws -> Result
    ) async throws -> Result {
        let now = clock.now()
        let outcome: Outcome<Result> = try await store.write { tx in
            let digest = context.requestDigest
            if let key = context.idempotencyKey,
                let stored = try tx.storedResult(principal: context.principal.uri, key: key)
            {
                guard stored.method == context.method, stored.requestDigest == digest else {
                    return .rejected(
                        Rejection(
                            .invalidArgument, reason: "IDEMPOTENCY_KEY_REUSED",
                            message: "idempotency key was already used for a different request (\(stored.method))",
                            fieldViolations: [.init(field: "idempotency_key", description: "reused with a different request")]
                        ))
                }
                return .replayed(try JSONDecoder().decode(Result.self, from: stored.result))
            }
            do {
                let result = try tx.savepoint { try decide(tx, now) }
                try tx.appendAudit(self.auditEntry(context: context, outcome: "OK", subject: subject(result), digest: digest))
                if let key = context.idempotencyKey {
                    try tx.storeResult(
                        principal: context.principal.uri, key: key, method: context.method,
                        requestDigest: digest, result: try JSONEncoder().encode(result), at: now)
                }
                // Last: a call its caller was told has failed must leave nothing behind.
                try context.gate.enterCommit()
                return .done(result)
            } catch let rejection as Rejection {
                try tx.appendAudit(self.auditEntry(context: context, outcome: Self.outcome(of: rejection), subject: "", digest: digest))
                try context.gate.enterCommit()
                return .rejected(rejection)
            }
        }
        context.gate.markAuditRecorded()
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
