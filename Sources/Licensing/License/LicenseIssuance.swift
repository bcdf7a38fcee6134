import Enforcement

/// L0 of DOMAIN.md §4.1.2: (none) → active, by the Ministry (142.1, 167(7)).
public struct IssueLicense: Hashable, Sendable {
    public let holder: IIN
    public let issueDate: LocalDate
    public let district: String
    public let basis: LicenseBasis?
    public let licenseFeePaid: Bool

    public init(holder: IIN, issueDate: LocalDate, district: String, basis: LicenseBasis?, licenseFeePaid: Bool) {
        self.holder = holder
        self.issueDate = issueDate
        self.district = district
        self.basis = basis
        self.licenseFeePaid = licenseFeePaid
    }
}

/// Who recorded a decision and under which request, for the history.
public struct DecisionContext: Hashable, Sendable {
    public let actor: String
    public let requestID: String
    public let now: Instant

    public init(actor: String, requestID: String, now: Instant) {
        self.actor = actor
        self.requestID = requestID
        self.now = now
    }
}

extension License {
    /// Decides an issuance: a pure function of the command, the person's record,
    /// the licenses the person already holds, and the moment of the decision.
    ///
    /// `mayIssueLicense(p, G)` of DOMAIN.md §5.3, as far as this release models it:
    /// eligibility at G (140), a basis (142.1 / 142.5), the fee (142.3).
    public static func issue(
        _ command: IssueLicense,
        person: Person,
        existing: [License],
        number: LicenseNumber,
        context: DecisionContext
    ) throws(Rejection) -> License {
        let today = context.now.kazakhstanDate
        guard command.issueDate <= today else {
            throw Rejection.invalid("issue_date", "\(command.issueDate) is in the future (today is \(today) in Kazakhstan)")
        }
        guard EnforcementDistrict.named(command.district) != nil else {
            throw Rejection.invalid("district", "unknown district code '\(command.district)'")
        }
        // Art. 142.1 / 142.5: issued on a passed attestation after an internship, or on an exemption.
        guard let basis = command.basis else {
            throw Rejection(
                .invalidArgument, reason: "BASIS_REQUIRED",
                message: "a license is issued on a passed attestation (with internship) or an exemption of 142.5",
                article: "142.1", fieldViolations: [.init(field: "basis", description: "required")])
        }
        switch basis {
        case .attestation(let reference, let internship):
            if reference.trimmingWhitespace.isEmpty {
                throw Rejection.invalid("basis.attestation_reference", "required", article: "141-1.9")
            }
            if internship.trimmingWhitespace.isEmpty {
                throw Rejection.invalid("basis.evidence", "the internship completion reference is required", article: "140.4")
            }
        case .exemption(let ground, let evidence):
            if evidence.trimmingWhitespace.isEmpty {
                throw Rejection.invalid("basis.evidence", "the evidence of the exemption is required", article: ground.article)
            }
        }
        // Art. 142.3: the license fee must be paid.
        guard command.licenseFeePaid else {
            throw Rejection(
                .failedPrecondition, reason: "LICENSE_FEE_NOT_PAID", message: "the license fee has not been paid", article: "142.3")
        }
        // One person, one license in force: a second would double the register entry.
        if let held = existing.first(where: { !$0.status.isFinal }) {
            throw Rejection(
                .alreadyExists, reason: "LICENSE_ALREADY_HELD",
                message: "the person already holds license \(held.number) (\(held.status.rawValue))", article: "142.1")
        }
        // Art. 140.1, 140.2: eligibility at the issue date.
        let failures = Eligibility.disqualifications(of: person, on: command.issueDate)
        if !failures.isEmpty { throw Rejection.notEligible(failures, on: command.issueDate) }
        // Art. 140.2.8 also from the register itself: a deprivation recorded here bars for 3 years.
        for license in existing {
            if let end = license.deprivationBarEnd, command.issueDate < end {
                throw Rejection(
                    .failedPrecondition, reason: "LICENSE_DEPRIVED",
                    message:
                        "license \(license.number) was deprived by a court decision; the bar runs 3 years from its entry into force, until \(end)",
                    article: "140.2.8", retryOn: end)
            }
        }

        let change = StatusChange(
            kind: .issued, status: .active, decisionDate: command.issueDate, decidedAt: context.now,
            effectiveDate: command.issueDate, legalBasis: "142.1", groundCode: nil,
            actor: context.actor, requestID: context.requestID
        )
        return License(
            number: number, holder: person.iin, holderName: person.name,
            district: EnforcementDistrict.named(command.district)!.code, issuedOn: command.issueDate,
            basis: basis, status: .active, deprivationClaimPending: false, history: [change]
        )
    }
}

extension Rejection {
    /// Refusal for failed eligibility: names every failed predicate's article, and
    /// the date the person may try again when every bar has a known end.
    public static func notEligible(_ failures: [Disqualification], on date: LocalDate, as role: String = "a private bailiff") -> Rejection {
        let articles = failures.map(\.article.reference)
        var unique: [String] = []
        for a in articles where !unique.contains(a) { unique.append(a) }
        let ends = failures.map(\.endsOn)
        let retry = ends.contains(where: { $0 == nil }) ? nil : ends.compactMap { $0 }.max()
        return Rejection(
            .failedPrecondition,
            reason: failures.count == 1 ? failures[0].reason : "NOT_ELIGIBLE",
            message: "cannot be \(role) on \(date): "
                + (failures.count == 1
                    ? failures[0].message
                    : failures.map { "\($0.message) (Art. \($0.article))" }.joined(separator: "; ")),
            article: Article(unique.joined(separator: ", ")),
            retryOn: retry
        )
    }
}
