import Enforcement
import Licensing
import RegistryStore

/// Input of `TerminateLicense` and `FileDeprivationClaim`.
public struct TerminationCommand: Sendable {
    public var number: String
    public var ground: String
    public var reasons: String
    public var proposal: ProposalReference?
    public var proposalID: Int64?
    /// The bailiff's application (tOwnApplication) or the claim's court and case number (deprivation).
    public var document: String

    public init(number: String, ground: String, reasons: String, proposal: ProposalReference?, proposalID: Int64?, document: String) {
        self.number = number
        self.ground = ground
        self.reasons = reasons
        self.proposal = proposal
        self.proposalID = proposalID
        self.document = document
    }
}

/// Input of `RecordCourtDecision` and `RecordCourtAnnulment`.
public struct CourtActCommand: Sendable {
    public var number: String
    public var courtAct: String
    public var inForceOn: LocalDate
    public var reasons: String

    public init(number: String, courtAct: String, inForceOn: LocalDate, reasons: String) {
        self.number = number
        self.courtAct = courtAct
        self.inForceOn = inForceOn
        self.reasons = reasons
    }
}

extension RegistryCore {
    /// L5 (144.1, 144.5): the Ministry terminates a license. On the bailiff's own
    /// application the open disciplinary proceedings are read in the same transaction.
    public func terminateLicense(_ command: TerminationCommand, context: RequestContext) async throws -> License {
        try await decide(number: command.number, context: context) { tx, license, decision in
            let ground = try LicenseGround.parse(command.ground, for: .termination)
            let proposal = try Self.resolveProposal(
                reference: command.proposal, id: command.proposalID, license: license,
                measure: .termination, tx: tx, at: decision.now)
            let today = decision.now.kazakhstanDate
            let open = try tx.disciplinaryProceedings(of: license.number).contains { $0.isOpen(on: today) }
            return try license.terminated(
                ground: ground, reasons: command.reasons, proposal: proposal,
                application: command.document, disciplinaryProceedingOpen: open, context: decision)
        }
    }

    /// L6, first step (144.2, 167(9)): the Ministry files a deprivation claim, on its own initiative
    /// or on a representation (144.3), which it then accepts.
    public func fileDeprivationClaim(_ command: TerminationCommand, context: RequestContext) async throws -> License {
        try await decide(number: command.number, context: context) { tx, license, decision in
            let ground = try LicenseGround.parse(command.ground, for: .deprivation)
            let proposal = try Self.resolveProposal(
                reference: command.proposal, id: command.proposalID, license: license,
                measure: .deprivation, tx: tx, at: decision.now)
            return try license.withDeprivationClaimFiled(
                ground: ground, reasons: command.reasons, proposal: proposal, claim: command.document, context: decision)
        }
    }

    /// L6, second step: the court's decision on the claim, from its entry into force (144.2, 140.2.8).
    public func recordCourtDecision(_ command: CourtActCommand, granted: Bool, context: RequestContext) async throws -> License {
        try await decide(number: command.number, context: context) { _, license, decision in
            try license.withCourtDecision(
                granted: granted, courtAct: command.courtAct, inForceOn: command.inForceOn, reasons: command.reasons, context: decision)
        }
    }

    /// L7 (143.8, 144.6): a court annulled the decision at history position `entry`.
    public func recordCourtAnnulment(_ command: CourtActCommand, entry: Int, context: RequestContext) async throws -> License {
        try await decide(number: command.number, context: context) { _, license, decision in
            try license.annulled(
                entry: entry, courtAct: command.courtAct, inForceOn: command.inForceOn, reasons: command.reasons, context: decision)
        }
    }
}
