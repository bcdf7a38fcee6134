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

    public init(
        number: String, ground: String, termEnd: LocalDate?, reasons: String, proposal: ProposalReference?, proposalID: Int64? = nil
    ) {
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
        try await decide(number: command.number, context: context) { tx, license, decision in
            let ground = try LicenseGround.parse(command.ground, for: .suspension)
            let proposal = try Self.requireProposal(
                reference: command.proposal, id: command.proposalID, license: license,
                measure: .suspension, tx: tx, at: decision.now)
            guard let termEnd = command.termEnd else {
                throw Rejection.invalid("term_end", "a suspension states its term", article: "143.3")
            }
            return try license.suspended(ground: ground, until: termEnd, reasons: command.reasons, proposal: proposal, context: decision)
        }
    }

    /// L2 (143.5): suspension on the bailiff's application as a deputy, until the mandate ends.
    public func suspendOnOwnApplication(number: String, application: String, reasons: String, context: RequestContext) async throws
        -> License
    {
        try await decide(number: number, context: context) { _, license, decision in
            try license.suspendedOnOwnApplication(application: application, reasons: reasons, context: decision)
        }
    }

    /// L3 (143.3): the Ministry reinstates a suspended license.
    public func reinstateLicense(number: String, reasons: String, context: RequestContext) async throws -> License {
        try await decide(number: number, context: context) { _, license, decision in
            try license.reinstated(reasons: reasons, context: decision)
        }
    }

    /// L3 (143.5): the deputy mandate has ended.
    public func resumeAfterMandate(number: String, reasons: String, context: RequestContext) async throws -> License {
        try await decide(number: number, context: context) { _, license, decision in
            try license.resumedAfterMandate(reasons: reasons, context: decision)
        }
    }

    /// L3 refused (143.3, appealable under 143.8).
    public func refuseReinstatement(number: String, reasons: String, context: RequestContext) async throws -> License {
        try await decide(number: number, context: context) { _, license, decision in
            try license.reinstatementRefused(reasons: reasons, context: decision)
        }
    }
}
