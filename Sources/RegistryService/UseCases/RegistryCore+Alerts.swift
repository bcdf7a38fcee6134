import Enforcement
import Foundation
import Licensing
import RegistryStore

extension RegistryCore {
    /// Raises the alert for every open deadline that became overdue, once per deadline:
    /// a suspension term that ran out without a decision (L4, §9.1-3), a hand-over or
    /// transfer not confirmed within its 3 working days (148.1.9-2, 162.1.2-3).
    /// Each alert is an outbox event for the owner's inbox; the caller logs them.
    public func raiseDeadlineAlerts() async throws -> [StoredDeadline] {
        let now = clock.now()
        return try await store.write { tx in
            let fresh = try tx.alertOverdueDeadlines(on: now.kazakhstanDate, at: now)
            for stored in fresh {
                let deadline = stored.deadline
                let payload =
                    #"{"deadline":\#(stored.id),"kind":"\#(deadline.kind.rawValue)","license":"\#(deadline.licenseNumber)","owner":"\#(deadline.owner)","due_on":"\#(deadline.dueOn)","legal_basis":"\#(deadline.kind.article)"}"#
                try tx.appendOutbox(eventType: "alert.deadline_overdue", subject: deadline.licenseNumber.value, payload: payload, at: now)
            }
            return fresh
        }
    }
}
