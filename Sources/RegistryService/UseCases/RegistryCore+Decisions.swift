import Enforcement
import Licensing
import RegistryStore

/// Input of `SuspendLicense`, as the edge decoded it.
public struct SuspendLicenseCommand: Sendable {
    public var number: String
    public var ground: String
    public var termEnd: LocalDate?
    public var reasons: String
    public var proposal: ProposalReference?
    /// A proposal submitted through the registry, which the decision accepts.
    public var proposalID: Int64?

    public init(number: String, ground: String, termEnd: LocalDate?, reasons: String, proposal: ProposalReference?, proposalID: Int64? = nil) {
        self.number = number
        self.ground = ground
        self.termEnd = termEnd
        self.reasons = reasons
        self.proposal = proposal
        self.proposalID = proposalID
    }
}

extension RegistryCore {
    /// L1 (143.1–143.4): the Ministry suspends a license on a proposal.
    public func suspendLicense(_ command: SuspendLicenseCommand, context: RequestContext) async throws -> License {
        try await decide(.suspendLicense, number: command.number, context: context, event: "license.suspended") { tx, license, decision in
            let ground = try LicenseGround.parse(command.ground, for: .suspension)
            var reference = command.proposal
            if let id = command.proposalID, id != 0 {
                guard reference == nil else { throw Rejection.invalid("proposal", "give the proposal's id or its document reference, not both") }
                guard let stored = try tx.proposal(id) else {
                    throw Rejection(.notFound, reason: "PROPOSAL_NOT_FOUND", message: "no proposal \(id)")
                }
                let accepted = try stored.accepted(by: license, measure: .suspension, at: decision.now)
                try tx.update(accepted)
                reference = accepted.reference
            }
            guard let proposal = reference else {
                throw Rejection(.invalidArgument, reason: "PROPOSAL_REQUIRED", message: "a suspension is decided on a proposal of a territorial body or a chamber",
                                article: "143.1", fieldViolations: [.init(field: "proposal", description: "required")])
            }
            guard let termEnd = command.termEnd else {
                throw Rejection.invalid("term_end", "a suspension states its term", article: "143.3")
            }
            return try license.suspended(ground: ground, until: termEnd, reasons: command.reasons, proposal: proposal, context: decision)
        }
    }

    /// L3 (143.3): the Ministry reinstates a suspended license.
    public func reinstateLicense(number: String, reasons: String, context: RequestContext) async throws -> License {
        try await decide(.reinstateLicense, number: number, context: context, event: "license.reinstated") { _, license, decision in
            try license.reinstated(reasons: reasons, context: decision)
        }
    }

    /// The status of a license at an instant, from its history.
    public func licenseStatus(number text: String, at instant: Instant, context: RequestContext) async throws -> (License, StatusChange?) {
        let license = try await license(number: text, context: context)
        return (license, license.change(at: instant))
    }

    /// The frame of every license decision: load the license in the transaction, let
    /// the domain decide, record the result and an outbox event for the parts of the
    /// system that act on it (publication, case transfer).
    func decide(
        _ operation: Operation, number text: String, context: RequestContext, event: String,
        _ transition: @escaping @Sendable (StoreTransaction, License, DecisionContext) throws -> License
    ) async throws -> License {
        try await mutate(operation, context: context, subject: { "license:\($0.number)" }) { tx, now in
            guard let number = LicenseNumber(text) else { throw Rejection.invalid("number", "expected YYYY-NNNNNN, got '\(text)'") }
            guard let current = try tx.license(number) else {
                throw Rejection(.notFound, reason: "LICENSE_NOT_FOUND", message: "no license \(number) in the register")
            }
            let decided = try transition(tx, current, DecisionContext(actor: context.principal.uri, requestID: context.requestID, now: now))
            try tx.record(decided, replacing: current)
            let change = decided.history.last!
            try tx.appendOutbox(eventType: event, subject: number.value,
                                payload: #"{"number":"\#(number)","status":"\#(decided.status.rawValue)","ground":"\#(change.groundCode ?? "")","effective_date":"\#(change.effectiveDate)"}"#,
                                at: now)
            return decided
        }
    }
}
