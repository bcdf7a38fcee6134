import Enforcement
import GRDB
import Licensing

/// Filters of `ListProposals`.
public struct ProposalFilter: Hashable, Sendable {
    public var state: Proposal.State?
    public var licenseNumber: LicenseNumber?
    /// Only proposals submitted by this identity (a proposing body sees its own)...
    public var authorIdentity: String?
    /// ...and the drafts waiting for a body of its kind.
    public var draftsFor: ProposalAuthor?

    public init(
        state: Proposal.State? = nil, licenseNumber: LicenseNumber? = nil, authorIdentity: String? = nil, draftsFor: ProposalAuthor? = nil
    ) {
        self.state = state
        self.licenseNumber = licenseNumber
        self.authorIdentity = authorIdentity
        self.draftsFor = draftsFor
    }
}

extension StoreQueries {
    public func proposal(_ id: Int64) throws -> Proposal? {
        try Row.fetchOne(db, sql: "SELECT * FROM proposal WHERE id = ?", arguments: [id]).map(Self.proposal(from:))
    }

    /// Newest first, at most `limit`.
    public func proposals(matching filter: ProposalFilter, limit: Int) throws -> [Proposal] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let state = filter.state {
            clauses.append("state = ?")
            arguments += [state.rawValue]
        }
        if let number = filter.licenseNumber {
            clauses.append("license_number = ?")
            arguments += [number.value]
        }
        switch (filter.authorIdentity, filter.draftsFor) {
        case (let identity?, let kind?):
            clauses.append("(author_identity = ? OR (state = 'draft' AND author = ?))")
            arguments += [identity, kind.rawValue]
        case (let identity?, nil):
            clauses.append("author_identity = ?")
            arguments += [identity]
        default: break
        }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT * FROM proposal" + whereSQL + " ORDER BY id DESC LIMIT ?", arguments: arguments + [limit])
            .map(Self.proposal(from:))
    }

    static func proposal(from row: Row) throws -> Proposal {
        guard let number = LicenseNumber(row["license_number"] as String), let author = ProposalAuthor(rawValue: row["author"]),
            let ground = LicenseGround(rawValue: row["ground"]), let state = Proposal.State(rawValue: row["state"])
        else { throw StoreCorruption("proposal \(row["id"] as Int64) has a malformed row") }
        return Proposal(
            id: row["id"], licenseNumber: number, author: author, authorIdentity: row["author_identity"], ground: ground,
            facts: row["facts"], submittedAt: Instant(millisecondsSinceEpoch: row["submitted_at_ms"]), state: state,
            decisionReasons: row["decision_reasons"], decidedAt: (row["decided_at_ms"] as Int64?).map(Instant.init(millisecondsSinceEpoch:))
        )
    }
}

extension StoreTransaction {
    /// Stores a new proposal and returns it with its id.
    public func insert(_ proposal: Proposal) throws -> Proposal {
        try db.execute(
            sql: """
                INSERT INTO proposal (license_number, author, author_identity, ground, facts, submitted_at_ms, state)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                proposal.licenseNumber.value, proposal.author.rawValue, proposal.authorIdentity, proposal.ground.rawValue,
                proposal.facts, proposal.submittedAt.millisecondsSinceEpoch, proposal.state.rawValue,
            ]
        )
        var stored = proposal
        stored.id = db.lastInsertedRowID
        return stored
    }

    /// Records the next state of a proposal that was `previous` (pending, unless a draft is submitted or withdrawn).
    public func update(_ proposal: Proposal, from previous: Proposal.State = .pending) throws {
        try db.execute(
            sql: """
                UPDATE proposal SET state = ?, decision_reasons = ?, decided_at_ms = ?, author_identity = ?, submitted_at_ms = ?
                WHERE id = ? AND state = ?
                """,
            arguments: [
                proposal.state.rawValue, proposal.decisionReasons, proposal.decidedAt?.millisecondsSinceEpoch,
                proposal.authorIdentity, proposal.submittedAt.millisecondsSinceEpoch, proposal.id, previous.rawValue,
            ]
        )
        guard db.changesCount == 1 else {
            throw Rejection(
                .failedPrecondition, reason: previous == .draft ? "NOT_A_DRAFT" : "PROPOSAL_NOT_PENDING",
                message: "proposal \(proposal.id) is no longer \(previous.rawValue)")
        }
    }

    /// Stores a monitor's draft unless one with the same key exists; nil when it does.
    public func insertDraft(_ proposal: Proposal, key: String) throws -> Proposal? {
        try db.execute(
            sql: """
                INSERT INTO proposal (license_number, author, author_identity, ground, facts, submitted_at_ms, state, monitor_key)
                VALUES (?, ?, ?, ?, ?, ?, 'draft', ?) ON CONFLICT(monitor_key) DO NOTHING
                """,
            arguments: [
                proposal.licenseNumber.value, proposal.author.rawValue, proposal.authorIdentity, proposal.ground.rawValue,
                proposal.facts, proposal.submittedAt.millisecondsSinceEpoch, key,
            ]
        )
        guard db.changesCount == 1 else { return nil }
        var stored = proposal
        stored.id = db.lastInsertedRowID
        return stored
    }
}
