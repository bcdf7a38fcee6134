import Enforcement
import Licensing
import RegistryWire

/// Wire ↔ domain for persons. Wire types stop here (ARCHITECTURE, "Rules of the house").
enum PersonMapping {
    static let factKinds: [(WirePersonFactKind, PersonFact.Kind)] = [
        (.citizenship, .citizenship), (.incapacity, .incapacity), (.conviction, .conviction),
        (.releaseFromCriminalLiability, .releaseFromCriminalLiability), (.negativeDismissal, .negativeDismissal),
        (.judicialRelease, .judicialRelease), (.adminCorruptionPenalty, .adminCorruptionPenalty),
        (.mentalHealthRegistration, .mentalHealthRegistration), (.licenseDeprivation, .licenseDeprivation),
        (.death, .death), (.compulsoryMedicalMeasures, .compulsoryMedicalMeasures), (.residence, .residence), (.education, .education),
        (.stateBailiffService, .stateBailiffService),
    ]

    static func education(_ wire: WireEducation) -> Education? {
        switch wire {
        case .higherLegal: return .higherLegal
        case .legalNotHigher: return .legalNotHigher
        case .other: return .other
        default: return nil
        }
    }

    static func wire(_ education: Education) -> WireEducation {
        switch education {
        case .higherLegal: return .higherLegal
        case .legalNotHigher: return .legalNotHigher
        case .other: return .other
        }
    }

    static func facts(_ wire: [WirePersonFact]) throws(Rejection) -> [PersonFact] {
        var facts: [PersonFact] = []
        for (index, f) in wire.enumerated() { facts.append(try fact(f, field: "facts[\(index)]")) }
        return facts
    }

    static func fact(_ f: WirePersonFact, field: String) throws(Rejection) -> PersonFact {
        guard let kind = factKinds.first(where: { $0.0 == f.kind })?.1 else {
            throw Rejection.invalid("\(field).kind", "unknown or missing fact kind")
        }
        guard let from = try DateMapping.optionalDate(f.from, field: "\(field).from") else {
            throw Rejection.invalid("\(field).from", "required, YYYY-MM-DD")
        }
        let to = try DateMapping.optionalDate(f.to, field: "\(field).to")
        return PersonFact(
            kind: kind, from: from, to: to, ground: f.ground.isEmpty ? nil : f.ground,
            reference: f.reference.isEmpty ? nil : f.reference, value: f.value.isEmpty ? nil : f.value)
    }

    static func wire(_ fact: PersonFact) -> WirePersonFact {
        var f = WirePersonFact()
        f.kind = factKinds.first(where: { $0.1 == fact.kind })!.0
        f.from = fact.from.description
        f.to = fact.to?.description ?? ""
        f.ground = fact.ground ?? ""
        f.reference = fact.reference ?? ""
        f.value = fact.value ?? ""
        return f
    }

    static func wire(_ entry: PersonFactEntry) -> WirePersonFactEntry {
        var e = WirePersonFactEntry()
        e.id = entry.id
        e.fact = wire(entry.fact)
        switch entry.change {
        case .records: e.change = .records
        case .ends(let target):
            e.change = .ends
            e.target = target
        case .corrects(let target, let reason):
            e.change = .corrects
            e.target = target
            e.reason = reason
        case .withdraws(let target, let reason):
            e.change = .withdraws
            e.target = target
            e.reason = reason
        }
        e.source = entry.source
        e.recordedAtMs = entry.recordedAt.millisecondsSinceEpoch
        e.recordedBy = entry.recordedBy
        return e
    }

    static func wire(_ person: Person, revealIIN: Bool) -> WirePerson {
        var p = WirePerson()
        p.iin = revealIIN ? person.iin.digits : person.iin.description
        p.surname = person.name.surname
        p.givenName = person.name.givenName
        p.patronymic = person.name.patronymic ?? ""
        p.residenceDistrict = person.residenceDistrict
        p.education = wire(person.education)
        p.registeredAtMs = person.registeredAt.millisecondsSinceEpoch
        // Personal history (convictions, health) is for the bodies that check Art. 140, not for everyone.
        if revealIIN { p.facts = person.facts.map(wire) }
        return p
    }

    static func wire(_ district: EnforcementDistrict) -> WireDistrict {
        var d = WireDistrict()
        d.code = district.code
        d.kato = district.kato
        d.nameKk = district.nameKazakh
        d.nameRu = district.nameRussian
        d.nameEn = district.nameEnglish
        d.republicanCity = district.isRepublicanCity
        return d
    }
}
