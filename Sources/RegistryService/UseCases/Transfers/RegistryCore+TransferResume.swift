import Enforcement
import Foundation
import Licensing
import RegistryStore

extension RegistryCore {
    /// The principal under which registryd records what its worker decides by itself.
    static let workerPrincipal = "registryd:transfer-worker"
    /// The worker's own resumptions are audited under the method a person would call.
    static let resumeTransferJobMethod = "Proceedings/ResumeTransferJob"

    /// On demand (`cases resume-job`): a blocked job's proceedings that waited for a receiver go
    /// back to the planner (162.1.2-3). Those outside private-bailiff competence (138.1) and
    /// quarantined ones stay where they are. The regional chamber of the job's district, the
    /// Republican Chamber or the Ministry.
    public func resumeTransferJob(_ id: Int64, context: RequestContext) async throws -> TransferJob {
        try await mutate(context: context, subject: { "transfer_job:\($0.id) resumed" }) { tx, now in
            guard let job = try tx.transferJob(id) else {
                throw Rejection(.notFound, reason: "TRANSFER_JOB_NOT_FOUND", message: "no transfer job \(id)")
            }
            if let region = context.principal.regionalScope, region != job.district {
                throw Rejection(
                    .permissionDenied, reason: "OTHER_REGION", message: "transfer job \(id) is of \(job.district), not of \(region)",
                    article: "162.1.2-3")
            }
            guard job.state == .blocked else {
                throw Rejection(
                    .failedPrecondition, reason: "JOB_NOT_BLOCKED",
                    message: "transfer job \(id) is \(job.state.rawValue); only a blocked job resumes", article: "162.1.2-3")
            }
            let reopened = try tx.reopenStranded(job: id)
            guard reopened > 0 else {
                throw Rejection(
                    .failedPrecondition, reason: "NOTHING_TO_RESUME",
                    message:
                        "no proceeding of job \(id) waits for a receiver: the rest are outside private-bailiff competence or quarantined",
                    article: "138.1")
            }
            try Self.recordResumed(job, reopened: reopened, by: context.principal.uri, tx: tx, at: now)
            return try tx.transferJob(id)!
        }
    }

    /// Run by the worker: a blocked job resumes by itself once its district has a receiver,
    /// with an audit entry in the worker's name. Returns the jobs resumed.
    public func resumeBlockedJobs() async throws -> [Int64] {
        let now = clock.now()
        let candidates = try await store.read { reader in
            try reader.resumableBlockedJobs().filter { job in
                !(try Self.receiverSet(in: job.district, excluding: job.licenseNumber, at: now, tx: reader).receivers.isEmpty)
            }
        }
        guard !candidates.isEmpty else { return [] }
        return try await store.write { tx in
            var resumed: [Int64] = []
            for job in candidates {
                let reopened = try tx.reopenStranded(job: job.id)
                guard reopened > 0 else { continue }
                try Self.recordResumed(job, reopened: reopened, by: Self.workerPrincipal, tx: tx, at: now)
                try tx.appendAudit(
                    AuditEntry(
                        at: now, principal: Self.workerPrincipal, method: Self.resumeTransferJobMethod, requestID: "",
                        requestDigest: "", outcome: "OK",
                        subject: "transfer_job:\(job.id) resumed: a receiver is available in \(job.district)"))
                resumed.append(job.id)
            }
            return resumed
        }
    }

    static func recordResumed(_ job: TransferJob, reopened: Int, by principal: String, tx: StoreTransaction, at now: Instant) throws {
        try tx.appendOutbox(
            eventType: "transfer.resumed", subject: job.licenseNumber,
            fields: [
                "job": .number(job.id), "proceedings": .number(Int64(reopened)), "by": .text(principal), "legal_basis": "162.1.2-3",
            ], at: now)
    }
}
