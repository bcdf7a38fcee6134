import Enforcement
import Foundation
import Licensing
import RegistryStore

extension RegistryCore {
    /// Art. 148.1.9-2: a bailiff absent for more than a month hands his proceedings and
    /// archive to the regional chamber; they are reassigned like those of a suspended
    /// license. "More than a month" is read as: the expected end lies beyond one month
    /// from the first day, or a month has already passed by today. A shorter absence is a
    /// temporary replacement (153-1).
    public func recordLongAbsence(
        licenseNumber: String, from: LocalDate, until: LocalDate?, reason: String, reference: String,
        context: RequestContext
    ) async throws -> (handedOver: Int, job: Int64?, absence: Int64) {
        let result: AbsenceResult = try await mutate(context: context, subject: { "license:\(licenseNumber) absence job:\($0.job ?? 0)" }) {
            tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            let today = now.kazakhstanDate
            guard from <= today else { throw Rejection.invalid("from", "the absence has not begun (today is \(today))") }
            if let until, until < from { throw Rejection.invalid("until", "ends before it begins") }
            let monthLater = from.adding(months: 1)
            guard (until.map { $0 > monthLater } ?? false) || today > monthLater else {
                throw Rejection(
                    .failedPrecondition, reason: "ABSENCE_NOT_OVER_A_MONTH",
                    message:
                        "an absence from \(from) is over a month only after \(monthLater); until then record a temporary replacement (153-1)",
                    article: "148.1.9-2", retryOn: monthLater.adding(days: 1))
            }
            let reason = reason.trimmingWhitespace
            let reference = reference.trimmingWhitespace
            guard !reason.isEmpty else { throw Rejection.invalid("reason", "say why he is absent", article: "148.1.9-2") }
            guard !reference.isEmpty else { throw Rejection.invalid("reference", "give the document's reference", article: "148.1.9-2") }
            let overlapping = try tx.longAbsences(of: license.number.value).contains { absence in
                absence.returnedOn == nil && (absence.until.map { $0 >= from } ?? true)
            }
            guard !overlapping else {
                throw Rejection(
                    .alreadyExists, reason: "ABSENCE_ALREADY_RECORDED",
                    message: "license \(license.number) already has an open absence; record his return first", article: "148.1.9-2")
            }
            // The absence is a status with its period: while it lasts he receives no proceedings.
            let absence = try tx.insertLongAbsence(
                license: license.number.value, from: from, until: until, reason: reason, reference: reference,
                recordedBy: context.principal.uri, at: now)
            let job = try Self.startTransferJob(
                from: license, trigger: "longAbsence", entry: nil, reference: "\(reference): \(reason), from \(from)",
                seed: "absence:\(license.number):\(from):\(now.millisecondsSinceEpoch)", policy: self.transferPolicy, freezeAccount: false,
                tx: tx, at: now)
            try Self.setHandoverDeadline(for: license, tx: tx, at: now)
            return AbsenceResult(handedOver: try job.flatMap { try tx.transferJob($0)?.total } ?? 0, job: job, absence: absence)
        }
        return (result.handedOver, result.job, result.absence)
    }

    /// The chamber records that an absent bailiff is back (148.1.9-2): from that day he may
    /// receive proceedings again, and a blocked transfer of his district may resume.
    public func recordReturnFromAbsence(licenseNumber: String, on date: LocalDate, reference: String, context: RequestContext) async throws
        -> StoredLongAbsence
    {
        try await mutate(context: context, subject: { "license:\(licenseNumber) absence:\($0.id) returned" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "148.1.9-2")
            let reference = reference.trimmingWhitespace
            guard !reference.isEmpty else { throw Rejection.invalid("reference", "give the document's reference", article: "148.1.9-2") }
            guard let open = try tx.longAbsences(of: license.number.value).last(where: { $0.returnedOn == nil }) else {
                throw Rejection(
                    .failedPrecondition, reason: "NOT_ABSENT", message: "license \(license.number) has no open absence",
                    article: "148.1.9-2")
            }
            let today = now.kazakhstanDate
            guard date >= open.from, date <= today else {
                throw Rejection.invalid(
                    "on", "between the first day of the absence (\(open.from)) and today (\(today))", article: "148.1.9-2")
            }
            try tx.recordReturn(absence: open.id, on: date, reference: reference)
            try tx.appendOutbox(
                eventType: "absence.ended", subject: license.number.value,
                fields: [
                    "license": .text(license.number.value), "absence": .number(open.id), "on": .text(date.description),
                    "legal_basis": "148.1.9-2",
                ], at: now)
            return try tx.longAbsence(open.id)!
        }
    }
}

extension RegistryCore {
    /// The bailiff's 3-working-day hand-over (148.1.9-2) for a trigger outside the license's
    /// history [POLICY: the Law does not say from when; from the day it is recorded, the
    /// first day the chamber can know of it].
    static func setHandoverDeadline(for license: License, tx: StoreTransaction, at now: Instant) throws {
        let due: LocalDate
        do { due = try tx.workingCalendar().adding(workingDays: 3, to: now.kazakhstanDate) } catch {
            throw Rejection(.failedPrecondition, reason: "CALENDAR_GAP", message: "\(error)", article: "148.1.9-2")
        }
        try tx.insert(
            LicenseDeadline(
                kind: .bailiffHandover, licenseNumber: license.number, entry: nil, owner: "bailiff:\(license.number)", dueOn: due), at: now)
    }
}

struct AbsenceResult: Codable, Sendable {
    var handedOver: Int
    var job: Int64?
    var absence: Int64
}

extension RegistryCore {
    /// Art. 148.1.9-2: the regional chamber of the bailiff's district received his
    /// proceedings and archive; the open hand-over deadlines close. Only that chamber
    /// receives them, so another region's chamber is refused.
    public func confirmHandover(licenseNumber: String, reference: String, context: RequestContext) async throws -> Int {
        try await mutate(context: context, subject: { "license:\(licenseNumber) handover:\($0)" }) { tx, now in
            let license = try Self.requireLicense(licenseNumber, field: "license_number", tx: tx)
            try Self.requireOwnRegion(context.principal, license: license, article: "148.1.9-2")
            let reference = reference.trimmingWhitespace
            guard !reference.isEmpty else {
                throw Rejection.invalid("reference", "give the acceptance act's reference", article: "148.1.9-2")
            }
            let open = try tx.deadlines(license: license.number, openOnly: true).filter { $0.deadline.kind == .bailiffHandover }
            guard !open.isEmpty else {
                throw Rejection(
                    .failedPrecondition, reason: "NO_HANDOVER_DUE", message: "no hand-over of license \(license.number) is awaited",
                    article: "148.1.9-2")
            }
            try tx.closeDeadlines(of: license.number, kinds: [.bailiffHandover], closedBy: "hand-over accepted: \(reference)", at: now)
            return open.count
        }
    }
}
