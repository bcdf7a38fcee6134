import Enforcement
import Licensing
import RegistryService
import RegistryWire
import SwiftProtobuf

extension RegistryEndpoints: RegistryHandler {
    public func registerPerson(_ request: WireRegisterPersonRequest, context: CallContext) async throws -> WireRegisterPersonResponse {
        let command = RegisterPersonCommand(
            iin: request.iin, surname: request.surname, givenName: request.givenName,
            patronymic: request.patronymic.isEmpty ? nil : request.patronymic,
            residenceDistrict: request.residenceDistrict, education: PersonMapping.education(request.education),
            facts: try PersonMapping.facts(request.facts)
        )
        let person = try await core.registerPerson(command, context: context.request)
        var response = WireRegisterPersonResponse()
        response.person = PersonMapping.wire(person, revealIIN: true)
        return response
    }

    public func getPerson(_ request: WireGetPersonRequest, context: CallContext) async throws -> WireGetPersonResponse {
        let person = try await core.person(iin: request.iin, context: context.request)
        var response = WireGetPersonResponse()
        response.person = PersonMapping.wire(person, revealIIN: true)
        response.history = try await core.personFactHistory(iin: request.iin, context: context.request).entries.map(PersonMapping.wire)
        return response
    }

    public func recordPersonFact(_ request: WireRecordPersonFactRequest, context: CallContext) async throws -> WirePersonFactResponse {
        let command: PersonFactCommand
        if request.ends != 0 {
            let day = try DateMapping.requiredDate(request.fact.from, field: "fact.from")
            command = .end(entry: request.ends, on: day, reference: request.fact.reference.isEmpty ? nil : request.fact.reference)
        } else {
            guard request.hasFact else { throw Rejection.invalid("fact", "required: the fact, or `ends` with the day a period ended") }
            command = .record(try PersonMapping.fact(request.fact, field: "fact"))
        }
        return Self.wire(try await core.changePersonFact(iin: request.iin, command, source: request.source, context: context.request))
    }

    public func correctPersonFact(_ request: WireCorrectPersonFactRequest, context: CallContext) async throws -> WirePersonFactResponse {
        guard request.entry > 0 else { throw Rejection.invalid("entry", "required: the id of the entry corrected or withdrawn") }
        let command: PersonFactCommand =
            request.hasFact
            ? .correct(entry: request.entry, by: try PersonMapping.fact(request.fact, field: "fact"), reason: request.reason)
            : .withdraw(entry: request.entry, reason: request.reason)
        return Self.wire(try await core.changePersonFact(iin: request.iin, command, source: request.source, context: context.request))
    }

    static func wire(_ recorded: PersonFactRecorded) -> WirePersonFactResponse {
        var response = WirePersonFactResponse()
        response.entry = recorded.entry
        response.person = PersonMapping.wire(recorded.person, revealIIN: true)
        return response
    }

    public func getBailiff(_ request: WireGetBailiffRequest, context: CallContext) async throws -> WireGetBailiffResponse {
        let key: BailiffKey
        switch request.key {
        case .iin(let iin): key = .iin(iin)
        case .licenseNumber(let number): key = .licenseNumber(number)
        case nil: throw Rejection.invalid("key", "give the IIN or the license number")
        }
        let bailiff = try await core.bailiff(key, context: context.request)
        let reveal = bailiff.licenses.contains { Self.revealsPersonalData(to: context.principal, holder: $0.number) }
        var response = WireGetBailiffResponse()
        response.person = PersonMapping.wire(bailiff.person, revealIIN: reveal)
        response.district = bailiff.district ?? ""
        response.licenses = bailiff.licenses.map { LicenseMapping.wire($0, revealIIN: reveal) }
        return response
    }

    public func listDistricts(_ request: WireListDistrictsRequest, context: CallContext) async throws -> WireListDistrictsResponse {
        var response = WireListDistrictsResponse()
        response.districts = try await core.districts(context: context.request).map(PersonMapping.wire)
        return response
    }

    public func importWorkingCalendar(_ request: WireImportWorkingCalendarRequest, context: CallContext) async throws
        -> WireImportWorkingCalendarResponse
    {
        let calendar = try await core.importWorkingCalendar(request.document, context: context.request)
        var response = WireImportWorkingCalendarResponse()
        response.firstYear = Int32(calendar.years.lowerBound)
        response.lastYear = Int32(calendar.years.upperBound)
        response.nonWorkingWeekdays = UInt32(calendar.nonWorkingWeekdays.count)
        response.workingWeekendDays = UInt32(calendar.workingWeekendDays.count)
        return response
    }

    public func setMCI(_ request: WireSetMCIRequest, context: CallContext) async throws -> WireMCITableResponse {
        let from = try DateMapping.optionalDate(request.effectiveFrom, field: "effective_from")
        return Self.wire(
            try await core.setMCI(
                year: Int(request.year), from: from, tenge: request.tenge, source: request.source, context: context.request))
    }

    public func getMCITable(_ request: WireGetMCITableRequest, context: CallContext) async throws -> WireMCITableResponse {
        Self.wire(try await core.mciTable(context: context.request))
    }

    static func wire(_ table: MCITable) -> WireMCITableResponse {
        var response = WireMCITableResponse()
        response.years = Set(table.rates.map(\.from.year)).sorted().compactMap { year in
            table.rate(on: LocalDate(year: year, month: 1, day: 1)!).map { rate in
                .with {
                    $0.year = Int32(year)
                    $0.tenge = rate.tenge
                }
            }
        }
        response.rates = table.rates.map { rate in
            .with {
                $0.effectiveFrom = rate.from.description
                $0.tenge = rate.tenge
            }
        }
        return response
    }
}
