import Enforcement
import Foundation
import Licensing
import RegistryStore

extension RegistryCore {
    /// Runs every monitor over the active licenses as of `date` (today if nil) and files a draft
    /// proposal for each finding not seen before. Drafts go to the body named as author, which
    /// submits or withdraws them; a monitor never decides anything itself.
    public func runMonitors(asOf date: LocalDate?, context: RequestContext) async throws -> [Proposal] {
        try await mutate(context: context, subject: { "monitors:\($0.count) drafts" }) { tx, now in
            let today = now.kazakhstanDate
            let day = date ?? today
            guard day <= today else { throw Rejection.invalid("as_of", "\(day) is in the future (today is \(today))") }
            var drafts: [Proposal] = []
            let mci = try tx.mciTable()
            var cursor: LicenseNumber?
            while true {
                let page = try tx.licenses(matching: LicenseFilter(), after: cursor, limit: 500)
                for license in page {
                    let findings =
                        Monitors.findings(
                            license: license, memberships: try tx.memberships(of: license.number),
                            contracts: try tx.insuranceContracts(of: license.number),
                            trainings: try tx.trainings(of: license.number),
                            violations: try tx.violations(of: license.number),
                            duesPaid: try tx.duesPaid(by: license.number), duesExemptions: try tx.duesExemptions(of: license.number),
                            proceedings: try tx.proceedings(
                                matching: ProceedingFilter(
                                    holderLicense: license.number.value, category: .sociallySignificant, status: .open), after: nil,
                                limit: 10_000),
                            otherActivities: try tx.otherPaidActivities(of: license.number), mci: mci, on: day)
                        + PersonFactFindings.findings(license: license, facts: try tx.factHistory(license.holder).facts, on: day)
                    for finding in findings {
                        let draft = Proposal.draft(
                            on: license, ground: finding.ground, facts: finding.facts, author: finding.author, monitor: finding.monitor,
                            at: now)
                        if let stored = try tx.insertDraft(draft, key: finding.key) {
                            drafts.append(stored)
                            try tx.appendOutbox(
                                eventType: "proposal.drafted", subject: license.number.value,
                                fields: [
                                    "id": .number(stored.id), "license": .text(license.number.value),
                                    "ground": .text(finding.ground.rawValue),
                                    "author": .text(finding.author.rawValue), "monitor": .text(finding.monitor),
                                ], at: now)
                        }
                    }
                }
                guard page.count == 500, let last = page.last else { break }
                cursor = last.number
            }
            return drafts
        }
    }

    /// The context registryd's own scheduled runs use: the system identity, audited like any
    /// caller of Proposals/RunMonitors.
    public static func scheduledContext(at now: Instant) -> RequestContext {
        RequestContext(
            principal: Principal(role: .system, label: "registryd"), method: "Proposals/RunMonitors",
            requestID: "scheduled-\(now.millisecondsSinceEpoch)", payload: Data(), idempotencyKey: nil)
    }

    /// A training record (148.1.9-1), by the Chamber, which controls training (163-1.1.6-2).
    public func recordTraining(_ training: TrainingRecord, context: RequestContext) async throws -> TrainingRecord {
        try await mutate(context: context, subject: { "training:\($0.id)" }) { tx, now in
            try Self.requireOwnRegion(
                context.principal, license: try Self.requireLicense(training.licenseNumber, tx: tx), article: "163-1.1.6-2")
            let today = now.kazakhstanDate
            guard training.completedOn <= today else { throw Rejection.invalid("completed_on", "\(training.completedOn) is in the future") }
            guard !training.programme.trimmingWhitespace.isEmpty else {
                throw Rejection.invalid("programme", "required", article: "148.1.9-1")
            }
            guard !training.certificate.trimmingWhitespace.isEmpty else {
                throw Rejection.invalid("certificate", "required", article: "148.1.9-1")
            }
            guard try !tx.trainings(of: training.licenseNumber).contains(where: { $0.certificate == training.certificate }) else {
                throw Rejection(
                    .alreadyExists, reason: "TRAINING_ALREADY_RECORDED", message: "certificate \(training.certificate) is already recorded")
            }
            return try tx.insert(training, recordedBy: context.principal.uri)
        }
    }

    /// A bailiff's trainings and when the next is due (148.1.9-1); the due date is nil before his membership is on record.
    public func trainings(licenseNumber: String, context: RequestContext) async throws -> ([TrainingRecord], LocalDate?) {
        let number = try LicenseNumber.parse(licenseNumber, field: "license_number")
        return try await store.read { reader in
            let records = try reader.trainings(of: number)
            let start = try reader.memberships(of: number).map(\.admittedOn).min()
            return (records, start.map { TrainingRecord.due(startedOn: $0, records: records) })
        }
    }
}
