/// A creditor or a debtor (DOMAIN.md §3.33), as far as the registry needs one:
/// to tell him of a transfer (143.6) and to place the debtor (52, 152).
public struct Party: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case individual, legalEntity
        /// A state body as creditor (the state revenue body, a ministry): what it collects is in
        /// favour of the State (138.1(4)).
        case state
    }

    public let kind: Kind
    public let name: String
    /// IIN of an individual or BIN of a legal entity; personal data, never logged.
    public let identifier: String
    /// Where notices go (27.3–4): postal address, phone or e-mail as the enforcement system holds it.
    public let contact: String

    public init(kind: Kind, name: String, identifier: String, contact: String) {
        self.kind = kind
        self.name = name
        self.identifier = identifier
        self.contact = contact
    }
}

/// Where the debtor is found: the enforcement district and the administrative unit inside it (52, 152.4).
public struct DebtorLocation: Hashable, Sendable, Codable {
    public let district: String
    public let unit: String

    public init(district: String, unit: String) {
        self.district = district
        self.unit = unit
    }
}
