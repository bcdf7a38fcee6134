import Enforcement
import Licensing
import RegistryStore

extension RegistryCore {
    /// The Republican Chamber admits a license holder and places him in a district (140.1, 163-1.1.3-2).
    public func admitMember(licenseNumber: String, district: String, admittedOn: LocalDate?, decision: String, context: RequestContext)
        async throws -> Membership
    {
        try await mutate(context: context, subject: { "membership:\($0.id)" }) { tx, now in
            try Self.admit(
                licenseNumber: licenseNumber, district: district, admittedOn: admittedOn, decision: decision,
                recordedBy: context.principal.uri, tx: tx, at: now)
        }
    }

    /// Admission places him (163-1.1.3-2): the license is general (142.4), the placement is his district.
    static func admit(
        licenseNumber: String, district: String, admittedOn: LocalDate?, decision: String, recordedBy: String,
        tx: StoreTransaction, at now: Instant
    ) throws -> Membership {
        let license = try requireLicense(licenseNumber, field: "license_number", tx: tx)
        let today = now.kazakhstanDate
        let membership = try Membership.admit(
            license, district: district, on: admittedOn ?? today, decision: decision,
            existing: try tx.memberships(of: license.number), today: today)
        let stored = try tx.insert(membership)
        try tx.place(
            license.number, in: stored.district, from: stored.admittedOn, decision: stored.admissionDecision, recordedBy: recordedBy,
            at: now)
        return stored
    }

    /// The Republican Chamber re-places a member in another district without a new license
    /// (142.4, 163-1.1.3-2). He may not act outside his district (143.2.4), so what he holds in the
    /// old one goes to its regional chamber for transfer, as on a relocation of his practice.
    public func placeMember(licenseNumber: String, district: String, from: LocalDate?, decision: String, context: RequestContext)
        async throws -> Membership
    {
        try await mutate(context: context, subject: { "membership:\($0.id)" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            var current = try Self.activeMembership(of: license, tx: tx)
            let today = now.kazakhstanDate
            let day = from ?? today
            guard let target = EnforcementDistrict.named(district)?.code, target == district else {
                throw Rejection.invalid("district", "unknown district code '\(district)'", article: "163-1.1.3-2")
            }
            guard target != license.district else {
                throw Rejection(
                    .failedPrecondition, reason: "ALREADY_PLACED_THERE",
                    message: "license \(license.number) is placed in \(target) already", article: "163-1.1.3-2")
            }
            guard day <= today, day >= current.admittedOn else {
                throw Rejection.invalid(
                    "from", "must lie between his admission on \(current.admittedOn) and today (\(today))", article: "163-1.1.3-2")
            }
            let decision = decision.trimmingWhitespace
            guard !decision.isEmpty else {
                throw Rejection.invalid("decision", "give the placement decision's reference", article: "163-1.1.3-2")
            }
            _ = try Self.startTransferJob(
                from: license, trigger: "rePlaced", entry: nil, reference: "\(decision), Art. 163-1.1.3-2",
                seed: "placement:\(license.number):\(now.millisecondsSinceEpoch)", policy: self.transferPolicy,
                freezeAccount: false, tx: tx, at: now)
            try tx.place(license.number, in: target, from: day, decision: decision, recordedBy: context.principal.uri, at: now)
            try tx.appendOutbox(
                eventType: "membership.placed", subject: license.number.value,
                fields: [
                    "license": .text(license.number.value), "from_district": .text(license.district), "district": .text(target),
                    "on": .text(day.description),
                ], at: now)
            current.district = target
            return current
        }
    }

    /// The Board expels a member (172-1). He may no longer practise (140.1): his proceedings go to
    /// his regional chamber, his account is frozen (123.4), his hand-over is due in 3 working days
    /// (148.1.9-2). An expulsion as a disciplinary penalty (170.1.4) also submits the Chamber's
    /// representation to deprive the license (144.2.7) to the Ministry.
    public func expelMember(licenseNumber: String, ground: String, on date: LocalDate?, decision: String, context: RequestContext)
        async throws -> Membership
    {
        try await mutate(context: context, subject: { "membership:\($0.id)" }) { tx, now in
            guard let ground = ExpulsionGround(rawValue: ground) else {
                throw Rejection.invalid(
                    "ground", "one of \(ExpulsionGround.allCases.map(\.rawValue).joined(separator: ", "))", article: "172-1")
            }
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            let current = try Self.activeMembership(of: license, tx: tx)
            let today = now.kazakhstanDate
            // 172-1(3): systematic non-payment, not counting exempt periods (child care, incapacity).
            if ground == .duesArrears {
                let owed = try Self.duesStatement(license, tx: tx, on: date ?? today).arrears
                guard owed.count >= Dues.repeatedArrears else {
                    throw Rejection(
                        .failedPrecondition, reason: "NO_SYSTEMATIC_ARREARS",
                        message:
                            "dues in arrears: \(owed.isEmpty ? "none" : owed.map(\.description).joined(separator: ", ")), after the exempt periods; systematic non-payment needs at least \(Dues.repeatedArrears) quarters",
                        article: "172-1(3)")
                }
            }
            // 170.1.4: expulsion as a penalty needs a closed disciplinary proceeding that imposed it, not annulled on appeal.
            if ground == .disciplinaryPenalty,
                try !tx.disciplinaryProceedings(of: license.number).contains(where: {
                    $0.closedOn != nil && $0.penalty == .expulsion && $0.appealOutcome != "annulled"
                })
            {
                throw Rejection(
                    .failedPrecondition, reason: "NO_EXPULSION_PENALTY_ON_RECORD",
                    message:
                        "no closed disciplinary proceeding of license \(license.number) imposed expulsion; the disciplinary commission decides it first",
                    article: "170.1.4")
            }
            // 172-1(4): other paid activity is a fact the registry must hold before it expels on it.
            if ground == .otherPaidActivity,
                try !tx.otherPaidActivities(of: license.number).contains(where: { !$0.kind.isAllowed && $0.from <= (date ?? today) })
            {
                throw Rejection(
                    .failedPrecondition, reason: "NO_OTHER_PAID_ACTIVITY_ON_RECORD",
                    message:
                        "no paid activity other than scientific, teaching or creative is recorded for license \(license.number); record it first (Chamber/RecordOtherPaidActivity)",
                    article: "172-1(4)")
            }
            let expelled = try current.expelled(ground: ground, on: date ?? today, decision: decision, license: license, today: today)
            try tx.end(expelled)
            try Self.membershipEnded(
                expelled, license: license, trigger: "expelled", freezeAccount: true, policy: self.transferPolicy, tx: tx, at: now)
            if ground == .disciplinaryPenalty && !license.status.isFinal {
                let proposal = try Proposal.submit(
                    on: license, ground: LicenseGround.d144_2_7.rawValue,
                    facts:
                        "expelled from the Republican Chamber as a disciplinary penalty by decision \(expelled.endDecision ?? "") of \(expelled.endedOn!)",
                    author: .republicanChamber, authorIdentity: context.principal.uri, at: now)
                let stored = try tx.insert(proposal)
                try tx.appendOutbox(
                    eventType: "proposal.submitted", subject: license.number.value,
                    payload: #"{"id":\#(stored.id),"license":"\#(license.number)","ground":"d144_2_7"}"#, at: now)
            }
            return expelled
        }
    }

    /// The member leaves at his own will (172-1(5)); the same hand-over follows.
    public func leaveChamber(licenseNumber: String, on date: LocalDate?, application: String, context: RequestContext) async throws
        -> Membership
    {
        try await mutate(context: context, subject: { "membership:\($0.id)" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            let current = try Self.activeMembership(of: license, tx: tx)
            let today = now.kazakhstanDate
            let left = try current.left(on: date ?? today, application: application, today: today)
            try tx.end(left)
            // Art. 123.4 names leaving the Chamber too (§9.5-7): his account is frozen like an expelled member's.
            try Self.membershipEnded(
                left, license: license, trigger: "left", freezeAccount: true, policy: self.transferPolicy, tx: tx, at: now)
            return left
        }
    }

    public func memberships(licenseNumber: String, context: RequestContext) async throws -> [Membership] {
        let number = try LicenseNumber.parse(licenseNumber, field: "license_number")
        return try await store.read { try $0.memberships(of: number) }
    }

    static func activeMembership(of license: License, tx: StoreTransaction) throws -> Membership {
        guard let current = try tx.memberships(of: license.number).first(where: { $0.status == .active }) else {
            throw Rejection(
                .failedPrecondition, reason: "NOT_A_MEMBER", message: "license \(license.number) has no active membership of the Chamber",
                article: "140.1")
        }
        return current
    }

    static func membershipEnded(
        _ membership: Membership, license: License, trigger: String, freezeAccount: Bool, policy: TransferPolicy,
        tx: StoreTransaction, at now: Instant
    ) throws {
        let reference = "\(membership.endDecision ?? ""), \(membership.expulsionGround.map { "Art. \($0.article)" } ?? "Art. 172-1(5)")"
        try tx.appendOutbox(
            eventType: "membership.\(trigger)", subject: license.number.value,
            fields: [
                "license": .text(license.number.value), "on": .text(membership.endedOn!.description), "reference": .text(reference),
            ], at: now)
        try setHandoverDeadline(for: license, tx: tx, at: now)
        try startTransferJob(
            from: license, trigger: trigger, entry: nil, reference: reference,
            seed: "\(trigger):\(license.number):\(now.millisecondsSinceEpoch)", policy: policy, freezeAccount: freezeAccount, tx: tx,
            at: now)
    }
}
