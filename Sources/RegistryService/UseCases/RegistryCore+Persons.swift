import Enforcement
import Licensing
import RegistryStore

/// Input of `RegisterPerson`, as the edge decoded it.
public struct RegisterPersonCommand: Sendable {
    public var iin: String
    public var surname: String
    public var givenName: String
    public var patronymic: String?
    public var residenceDistrict: String
    public var education: Education?
    public var facts: [PersonFact]

    public init(
        iin: String, surname: String, givenName: String, patronymic: String?, residenceDistrict: String, education: Education?,
        facts: [PersonFact]
    ) {
        self.iin = iin
        self.surname = surname
        self.givenName = givenName
        self.patronymic = patronymic
        self.residenceDistrict = residenceDistrict
        self.education = education
        self.facts = facts
    }
}

/// A person as a bailiff: the licenses held and the district of practice.
public struct BailiffView: Sendable {
    public let person: Person
    public let district: String?
    public let licenses: [License]
}

public enum BailiffKey: Sendable {
    case iin(String)
    case licenseNumber(String)
}

extension RegistryCore {
    public func registerPerson(_ command: RegisterPersonCommand, context: RequestContext) async throws -> Person {
        try await mutate(context: context, subject: { "person:" + sha256Hex(Array($0.iin.digits.utf8)).prefix(16) }) { tx, now in
            let person = try Person.validated(
                iin: command.iin, surname: command.surname, givenName: command.givenName, patronymic: command.patronymic,
                residenceDistrict: command.residenceDistrict, education: command.education, facts: command.facts, registeredAt: now
            )
            try tx.insert(person, recordedBy: context.principal.uri)
            return person
        }
    }

    public func person(iin: String, context: RequestContext) async throws -> Person {
        let iin = try IIN(iin)
        guard let person = try await store.read({ try $0.person(iin) }) else {
            throw Rejection(.notFound, reason: "PERSON_NOT_FOUND", message: "no person with IIN \(iin) is registered")
        }
        return person
    }

    public func bailiff(_ key: BailiffKey, context: RequestContext) async throws -> BailiffView {
        let found: BailiffView?
        switch key {
        case .iin(let text):
            let iin = try IIN(text)
            found = try await store.read { reader in
                guard let person = try reader.person(iin) else { return nil }
                let licenses = try reader.licenses(heldBy: iin)
                guard !licenses.isEmpty else { return nil }
                return BailiffView(person: person, district: try reader.bailiffDistrict(iin), licenses: licenses)
            }
        case .licenseNumber(let text):
            let number = try LicenseNumber.parse(text, field: "license_number")
            found = try await store.read { reader in
                guard let license = try reader.license(number), let person = try reader.person(license.holder) else { return nil }
                return BailiffView(
                    person: person, district: try reader.bailiffDistrict(license.holder),
                    licenses: try reader.licenses(heldBy: license.holder))
            }
        }
        guard let found else {
            throw Rejection(.notFound, reason: "BAILIFF_NOT_FOUND", message: "no bailiff (license holder) matches the key")
        }
        return found
    }

    public func districts(context: RequestContext) async throws -> [EnforcementDistrict] {
        return EnforcementDistrict.all
    }
}
