import Enforcement
import Foundation
import Licensing
import RegistryStore

extension RegistryCore {
    /// Art. 52.4.2, 52.5: the debtor was found in another district; the holding bailiff's
    /// ruling sends the proceeding to that district's regional chamber, the creditor is
    /// told, the unused advance goes back to him, and that chamber reassigns it under the
    /// same policy (a one-proceeding transfer job).
    public func relocateProceeding(number: String, district target: String, ruling: String, context: RequestContext) async throws
        -> EnforcementProceeding
    {
        try await mutate(context: context, subject: { "proceeding:\($0.number)" }) { tx, now in
            guard let proceeding = try tx.proceeding(number), proceeding.status == .open else {
                throw Rejection(.notFound, reason: "PROCEEDING_NOT_FOUND", message: "no open proceeding \(number) in the registry")
            }
            guard case .bailiff(let holder) = proceeding.holder else {
                throw Rejection(
                    .failedPrecondition, reason: "NOT_HELD_BY_A_BAILIFF",
                    message: "proceeding \(number) is with \(proceeding.holder); the holding bailiff's ruling sends it", article: "52.4.2")
            }
            try Self.requireVisible(proceeding, to: context.principal)
            guard EnforcementDistrict.named(target)?.code == target else {
                throw Rejection.invalid("district", "unknown district code '\(target)'")
            }
            guard target != proceeding.district else {
                throw Rejection.invalid(
                    "district", "the debtor is in \(target), the proceeding's own district; no relocation is needed", article: "52.4.2")
            }
            let ruling = ruling.trimmingWhitespace
            guard !ruling.isEmpty else {
                throw Rejection.invalid("ruling", "give the reference of the bailiff's ruling", article: "52.4.2")
            }
            try tx.relocate(number, to: target, reason: "debtorRelocated", at: now)
            try tx.appendOutbox(
                eventType: "notification.party", subject: number,
                fields: [
                    "proceeding": .text(number), "party": "creditor", "event": "proceeding.relocated", "district": .text(target),
                    "ruling": .text(ruling), "legal_basis": "52.4.2",
                ], at: now)
            if proceeding.unusedAdvance > .zero {
                try tx.appendOutbox(
                    eventType: "action.advance_return", subject: number,
                    fields: [
                        "proceeding": .text(number), "amount": .text(proceeding.unusedAdvance.description), "ruling": .text(ruling),
                        "legal_basis": "52.5",
                    ], at: now)
            }
            let job = try tx.createTransferJob(
                license: holder, trigger: "debtorRelocated", triggerEntry: nil, triggerReference: ruling, district: target,
                seed: ReassignmentPlanner.seed(for: "relocation:\(number):\(now.millisecondsSinceEpoch)"), policy: self.transferPolicy,
                proceedings: [number], at: now)
            try Self.recordJobCreated(job, license: holder, district: target, count: 1, trigger: "debtorRelocated", tx: tx, at: now)
            return try tx.proceeding(number)!
        }
    }

    /// A compulsory enforcement measure reported by the enforcement system (144.2.4), the fact the
    /// inaction monitor reads: taken on a day, or standing (in force until lifted), or the lifting
    /// of the standing one.
    public func recordEnforcementMeasure(
        number: String, on date: LocalDate, standing: Bool = false, lifts: Bool = false,
        context: RequestContext
    ) async throws -> EnforcementProceeding {
        try await mutate(context: context, subject: { "proceeding:\($0.number)" }) { tx, now in
            guard let proceeding = try tx.proceeding(number), proceeding.status == .open else {
                throw Rejection(.notFound, reason: "PROCEEDING_NOT_FOUND", message: "no open proceeding \(number) in the registry")
            }
            try Self.requireVisible(proceeding, to: context.principal)
            guard date <= now.kazakhstanDate, date >= proceeding.openedOn else {
                throw Rejection.invalid("on", "between the opening on \(proceeding.openedOn) and today", article: "144.2.4")
            }
            let next: EnforcementProceeding
            if lifts {
                guard !standing else {
                    throw Rejection.invalid(
                        "lifts_standing", "a report either records a measure or lifts the standing one", article: "144.2.4")
                }
                guard let since = proceeding.standingMeasureSince else {
                    throw Rejection(
                        .failedPrecondition, reason: "NO_STANDING_MEASURE", message: "proceeding \(number) has no measure in force to lift",
                        article: "144.2.4")
                }
                guard date >= since else {
                    throw Rejection.invalid("on", "before the standing measure began on \(since)", article: "144.2.4")
                }
                next = proceeding.standingMeasureLifted(on: date)
            } else {
                next = proceeding.measured(on: date, standing: standing)
            }
            try tx.recordMeasures(of: next)
            return try tx.proceeding(number)!
        }
    }
}
