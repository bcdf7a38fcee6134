import Enforcement
import Foundation
import Licensing
import RegistryStore

/// What an import did with each row: kept, or refused with every problem.
public struct ProceedingImportResult: Codable, Sendable {
    public struct Refused: Codable, Sendable {
        /// Position of the row in the request (0-based).
        public let index: Int
        public let problems: [ProceedingDraft.Problem]
    }

    public var accepted: [String] = []
    public var refused: [Refused] = []
    /// Already registered, skipped on request (a re-import).
    public var skipped: [String] = []
}

extension RegistryCore {
    public static let maxImportRows = 1_000

    /// Case intake (DOMAIN.md §3.31): who holds which proceeding. Each row is checked and
    /// written on its own; good rows are kept, a bad one is reported with its problems and
    /// leaves nothing behind. The holder must hold an active license (143.4) and the
    /// document must be within private-bailiff competence (138.1). With `skipExisting`, a
    /// number already registered is skipped rather than refused.
    public func importProceedings(_ drafts: [ProceedingDraft], skipExisting: Bool = false, context: RequestContext) async throws
        -> ProceedingImportResult
    {
        guard (1...Self.maxImportRows).contains(drafts.count) else {
            throw Rejection.invalid("proceedings", "send 1 to \(Self.maxImportRows) rows per request, not \(drafts.count)")
        }
        return try await mutate(context: context, subject: { "proceedings:\($0.accepted.count)/\(drafts.count)" }) { tx, now in
            var result = ProceedingImportResult()
            // One request names few holders: each license and the MCI table are read once.
            var licenses: [String: License?] = [:]
            let mci = try tx.mciTable()
            for (index, draft) in drafts.enumerated() {
                if try tx.proceeding(draft.number) != nil {
                    if skipExisting {
                        result.skipped.append(draft.number)
                    } else {
                        result.refused.append(
                            .init(
                                index: index,
                                problems: [
                                    .init(field: "number", message: "proceeding \(draft.number) is already registered", article: nil)
                                ]))
                    }
                    continue
                }
                if licenses[draft.holderLicense] == nil {
                    licenses[draft.holderLicense] = .some(try LicenseNumber(draft.holderLicense).flatMap { try tx.license($0) })
                }
                do {
                    let proceeding = try Self.checkedProceeding(draft, license: licenses[draft.holderLicense]!, mci: mci)
                    // Every check ran before this write, so a failure here is the store's own and fails the request.
                    try tx.insert(proceeding, at: now)
                    result.accepted.append(draft.number)
                } catch let list as ProceedingDraft.ProblemList {
                    result.refused.append(.init(index: index, problems: list.problems))
                }
            }
            return result
        }
    }

    static func checkedProceeding(_ draft: ProceedingDraft, license: License?, mci: MCITable) throws -> EnforcementProceeding {
        let fail = { (field: String, message: String, article: String?) -> ProceedingDraft.ProblemList in
            ProceedingDraft.ProblemList(problems: [.init(field: field, message: message, article: article)])
        }
        guard let license else {
            throw fail("holder_license", "no license '\(draft.holderLicense)' in the register", "142.1")
        }
        // Art. 143.4, 144: a bailiff who may not act holds no proceedings; they go through a transfer.
        guard license.status == .active else {
            throw fail(
                "holder_license", "license \(license.number) is \(license.status.rawValue); its holder may not hold proceedings",
                license.status == .suspended ? "143.4" : "144.4")
        }
        switch draft.validated(district: license.district, mci: mci) {
        case .success(let proceeding): return proceeding
        case .failure(let list): throw list
        }
    }

    public func proceeding(number: String, context: RequestContext) async throws -> (EnforcementProceeding, [StoredAssignment]) {
        let found = try await store.read { reader -> (EnforcementProceeding, [StoredAssignment])? in
            guard let proceeding = try reader.proceeding(number) else { return nil }
            return (proceeding, try reader.assignments(of: number))
        }
        guard let found else {
            throw Rejection(.notFound, reason: "PROCEEDING_NOT_FOUND", message: "no proceeding \(number) in the registry")
        }
        try Self.requireVisible(found.0, to: context.principal)
        return found
    }

    /// A bailiff sees the proceedings he holds; the bodies of §2.13 see all.
    static func requireVisible(_ proceeding: EnforcementProceeding, to principal: Principal) throws(Rejection) {
        guard principal.role == .bailiff else { return }
        guard case .bailiff(let license) = proceeding.holder, license == principal.licenseNumber?.value else {
            throw Rejection(.permissionDenied, reason: "NOT_HIS_PROCEEDING", message: "a bailiff sees only the proceedings he holds")
        }
    }

    public func proceedings(matching filter: ProceedingFilter, pageSize: Int, pageToken: String?, context: RequestContext) async throws -> (
        [EnforcementProceeding], String?
    ) {
        var filter = filter
        if context.principal.role == .bailiff {
            filter.holderLicense = context.principal.licenseNumber?.value ?? "-"
            filter.heldByChamber = false
        }
        guard (0...Self.maxPageSize).contains(pageSize) else {
            throw Rejection.invalid("page_size", "must be between 1 and \(Self.maxPageSize)")
        }
        let size = pageSize == 0 ? Self.defaultPageSize : pageSize
        let cursor = try pageToken.flatMap { $0.isEmpty ? nil : $0 }.map { token throws(Rejection) -> String in
            guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8), text.hasPrefix("after:") else {
                throw Rejection.invalid("page_token", "not a token this server issued")
            }
            return String(text.dropFirst(6))
        }
        let matching = filter
        let rows = try await store.read { try $0.proceedings(matching: matching, after: cursor, limit: size + 1) }
        let page = Array(rows.prefix(size))
        let next = rows.count > size ? page.last.map { Data("after:\($0.number)".utf8).base64EncodedString() } : nil
        return (page, next)
    }
}
