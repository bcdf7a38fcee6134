/// A proceeding as another system sends it (one CSV or NDJSON row, one wire
/// message): text fields, checked here into an `EnforcementProceeding` or into
/// every problem found, each naming its field and, for legal rules, the article.
public struct ProceedingDraft: Hashable, Sendable, Codable {
    public var number = ""
    public var documentKind = ""
    public var documentReference = ""
    public var debtorKind = ""
    public var subject = ""
    public var inFavourOfState = false
    public var category = ""
    public var creditorKind = ""
    public var creditorName = ""
    public var creditorIdentifier = ""
    public var creditorContact = ""
    public var debtorPartyKind = ""
    public var debtorName = ""
    public var debtorIdentifier = ""
    public var debtorContact = ""
    public var debtorDistrict = ""
    public var debtorUnit = ""
    public var amount = ""
    public var openedOn = ""
    /// License number of the bailiff holding it.
    public var holderLicense = ""
    public var advancePaid = ""
    public var advanceUsed = ""
    /// Date of the last compulsory enforcement measure, if any (144.2.4).
    public var lastMeasureOn = ""

    public init() {}

    public struct Problem: Hashable, Sendable, Codable, CustomStringConvertible {
        public let field: String
        public let message: String
        public let article: String?

        public init(field: String, message: String, article: String? = nil) {
            self.field = field
            self.message = message
            self.article = article
        }

        public var description: String { "\(field): \(message)" + (article.map { " (Art. \($0))" } ?? "") }
    }

    /// The proceeding, held by `holderLicense` in `district` (the holder's district), or every problem.
    /// Competence (138.1) is checked against the MCI of the opening year.
    public func validated(district: String, mci: MCITable) -> Result<EnforcementProceeding, ProblemList> {
        var problems: [Problem] = []
        func required(_ value: String, _ field: String) -> String {
            let trimmed = value.trimmingWhitespace
            if trimmed.isEmpty { problems.append(Problem(field: field, message: "required")) }
            return trimmed
        }
        func parsed<T: RawRepresentable>(_ value: String, _ field: String, as: T.Type, default fallback: T? = nil) -> T?
        where T.RawValue == String, T: CaseIterable {
            if value.isEmpty, let fallback { return fallback }
            guard let parsed = T(rawValue: value) else {
                problems.append(
                    Problem(field: field, message: "'\(value)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
                return nil
            }
            return parsed
        }
        func money(_ value: String, _ field: String) -> Tenge? {
            if value.isEmpty { return .zero }
            guard let tenge = Tenge(value) else {
                problems.append(Problem(field: field, message: "'\(value)' is not an amount in tenge (e.g. 125000.50)"))
                return nil
            }
            return tenge
        }
        let number = required(number, "number")
        let kind = parsed(documentKind, "document_kind", as: DocumentKind.self)
        let reference = required(documentReference, "document_reference")
        let debtorKind = parsed(debtorKind, "debtor_kind", as: EnforcementDocument.DebtorKind.self, default: .individual)
        let subject = parsed(subject, "subject", as: EnforcementDocument.Subject.self, default: .collection)
        let category = parsed(category, "category", as: ProceedingCategory.self)
        let creditorKind = Party.Kind(rawValue: creditorKind.isEmpty ? "individual" : creditorKind)
        let debtorPartyKind = Party.Kind(rawValue: debtorPartyKind.isEmpty ? "individual" : debtorPartyKind)
        if creditorKind == nil { problems.append(Problem(field: "creditor_kind", message: "individual, legalEntity or state")) }
        if debtorPartyKind == nil { problems.append(Problem(field: "debtor_party_kind", message: "individual, legalEntity or state")) }
        let creditorName = required(creditorName, "creditor_name")
        let debtorName = required(debtorName, "debtor_name")
        let debtorDistrict = required(debtorDistrict, "debtor_district")
        if !debtorDistrict.isEmpty && EnforcementDistrict.named(debtorDistrict)?.code != debtorDistrict {
            problems.append(Problem(field: "debtor_district", message: "unknown district code '\(debtorDistrict)'"))
        }
        let amount = money(amount, "amount")
        let paid = money(advancePaid, "advance_paid")
        let used = money(advanceUsed, "advance_used")
        if let paid, let used, used > paid {
            problems.append(Problem(field: "advance_used", message: "more than the advance paid (\(paid))", article: "119"))
        }
        let opened = LocalDate(openedOn)
        if opened == nil { problems.append(Problem(field: "opened_on", message: "expected YYYY-MM-DD, got '\(openedOn)'")) }
        let lastMeasure = LocalDate(lastMeasureOn)
        if !lastMeasureOn.isEmpty && lastMeasure == nil {
            problems.append(Problem(field: "last_measure_on", message: "expected YYYY-MM-DD, got '\(lastMeasureOn)'"))
        }
        if holderLicense.isEmpty { problems.append(Problem(field: "holder_license", message: "required")) }

        guard problems.isEmpty, let kind, let debtorKind, let subject, let category, let creditorKind, let debtorPartyKind,
            let amount, let paid, let used, let opened
        else { return .failure(ProblemList(problems: problems)) }
        // Art. 138.1(4): in favour of the State follows from who collects (a state creditor, state
        // revenue), whatever the flag says; the flag can only add a case the creditor does not show.
        let favoursState = inFavourOfState || creditorKind == .state || category == .stateRevenue
        let document = EnforcementDocument(
            kind: kind, reference: reference, debtorKind: debtorKind, subject: subject, inFavourOfState: favoursState)
        if let exclusion = Competence.exclusion(of: document, amount: amount, on: opened, mci: mci) {
            return .failure(
                ProblemList(problems: [
                    Problem(
                        field: "document", message: "a private bailiff may not execute it: \(exclusion.description)",
                        article: exclusion.article)
                ]))
        }
        return .success(
            EnforcementProceeding(
                number: number, document: document, category: category,
                creditor: Party(kind: creditorKind, name: creditorName, identifier: creditorIdentifier, contact: creditorContact),
                debtor: Party(kind: debtorPartyKind, name: debtorName, identifier: debtorIdentifier, contact: debtorContact),
                debtorLocation: DebtorLocation(district: debtorDistrict, unit: debtorUnit), amount: amount, openedOn: opened,
                district: district, holder: .bailiff(license: holderLicense), advancePaid: paid, advanceUsed: used, status: .open,
                lastMeasureOn: lastMeasure
            ))
    }

    public struct ProblemList: Error, Hashable, Sendable {
        public let problems: [Problem]

        public init(problems: [Problem]) { self.problems = problems }
    }
}
