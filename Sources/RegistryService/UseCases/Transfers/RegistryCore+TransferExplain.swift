import Enforcement
import Foundation
import Licensing
import RegistryStore

extension RegistryCore {
    /// Why a proceeding is held where it is: its assignments and the reasons of the last choice.
    ///
    /// The planner is deterministic, so the choice is rebuilt by replay: the loads of the item's
    /// round as it began, plus what the round assigned before it, then the planner on this one
    /// proceeding. The outcome is compared with the receiver recorded at the time.
    public func explainAssignment(number: String, context: RequestContext) async throws -> (
        EnforcementProceeding, [StoredAssignment], AssignmentExplanation?
    ) {
        let (proceeding, assignments) = try await self.proceeding(number: number, context: context)
        let explanation = try await store.read { reader in try Self.explanation(of: proceeding, assignments: assignments, reader: reader) }
        return (proceeding, assignments, explanation)
    }

    static func explanation(of proceeding: EnforcementProceeding, assignments: [StoredAssignment], reader: some StoreQueries) throws
        -> AssignmentExplanation?
    {
        // Jobs before rounds existed stored their explanation with the move.
        if let last = assignments.last(where: { $0.jobID != nil && ["reassignment", "noReceiver"].contains($0.reason) }),
            let text = last.explanation
        {
            return try JSONDecoder().decode(AssignmentExplanation.self, from: Data(text.utf8))
        }
        guard let item = try reader.transferItem(of: proceeding.number), let job = try reader.transferJob(item.job) else { return nil }
        guard let roundNumber = item.round, let round = try reader.transferRound(job: job.id, round: roundNumber) else {
            guard item.state == "quarantined" else { return nil }
            let decision = Reassignment(
                proceeding: proceeding.number, outcome: .noEligibleReceiver(reason: "quarantined: \(item.note ?? "")"),
                policyVersion: job.policy.version, seed: job.seed, candidateCount: 0, loads: [])
            return AssignmentExplanation(reassignment: decision, receiver: nil, trigger: job.triggerDescription, quarantine: item.note)
        }
        let planner = ReassignmentPlanner(policy: job.policy, seed: job.seed)
        let mci = try reader.mciTable()
        let decision = planner.replay(
            proceeding, roundStart: round.candidates,
            assignedBefore: try reader.assignedInRound(job: job.id, round: roundNumber, before: item.position)
        ) { proceeding in
            Competence.exclusion(of: proceeding.document, amount: proceeding.amount, on: proceeding.openedOn, mci: mci)
        }
        let receiver = try item.receiver.flatMap { try reader.license(LicenseNumber.parse($0)) }
        return AssignmentExplanation(
            reassignment: decision,
            receiver: receiver.map { .init(license: $0.number.value, name: $0.holderName.description, iin: $0.holder.digits) },
            trigger: job.triggerDescription, excluded: round.excluded,
            quarantine: item.state == "quarantined" ? item.note : nil,
            replayMatches: decision.receiver == item.receiver
        )
    }
}
