import Enforcement
import Foundation

extension ProceedingDetails {
    /// Reads the details JSON with `JSONSerialization`, which skips the Codable containers: a
    /// transfer batch reads 5,000 of these, and `JSONDecoder` was its largest cost. Anything this
    /// reading does not recognise goes through `JSONDecoder`, which names what is wrong.
    static func read(_ text: String) throws -> ProceedingDetails {
        let data = Data(text.utf8)
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let details = ProceedingDetails(object) {
            return details
        }
        return try ProceedingCoding.decoder.decode(ProceedingDetails.self, from: data)
    }

    init?(_ object: [String: Any]) {
        func party(_ value: Any?) -> Party? {
            guard let p = value as? [String: Any], let kind = (p["kind"] as? String).flatMap(Party.Kind.init(rawValue:)),
                let name = p["name"] as? String, let identifier = p["identifier"] as? String, let contact = p["contact"] as? String
            else { return nil }
            return Party(kind: kind, name: name, identifier: identifier, contact: contact)
        }
        // Foundation hands numbers back as Int on Linux and as NSNumber elsewhere.
        func integer(_ key: String) -> Int64? { (object[key] as? Int).map(Int64.init) ?? (object[key] as? NSNumber)?.int64Value }
        func date(_ key: String) -> String?? {
            guard let value = object[key] else { return .some(nil) }
            return (value as? String).map { .some($0) } ?? .none
        }
        guard let d = object["document"] as? [String: Any],
            let kind = (d["kind"] as? String).flatMap(DocumentKind.init(rawValue:)), let reference = d["reference"] as? String,
            let debtorKind = (d["debtorKind"] as? String).flatMap(EnforcementDocument.DebtorKind.init(rawValue:)),
            let subject = (d["subject"] as? String).flatMap(EnforcementDocument.Subject.init(rawValue:)),
            let inFavourOfState = (d["inFavourOfState"] as? Bool) ?? (d["inFavourOfState"] as? NSNumber)?.boolValue,
            let creditor = party(object["creditor"]), let debtor = party(object["debtor"]),
            let location = object["debtorLocation"] as? [String: Any], let district = location["district"] as? String,
            let unit = location["unit"] as? String,
            let amount = integer("amountTiyn"), let paid = integer("advancePaidTiyn"), let used = integer("advanceUsedTiyn"),
            let last = date("lastMeasureOn"), let first = date("firstMeasureOn"), let standing = date("standingMeasureSince"),
            let lifted = date("standingLiftedOn")
        else { return nil }
        self.init(
            document: EnforcementDocument(
                kind: kind, reference: reference, debtorKind: debtorKind, subject: subject, inFavourOfState: inFavourOfState),
            creditor: creditor, debtor: debtor, debtorLocation: DebtorLocation(district: district, unit: unit),
            amountTiyn: amount, advancePaidTiyn: paid, advanceUsedTiyn: used,
            lastMeasureOn: last, firstMeasureOn: first, standingMeasureSince: standing, standingLiftedOn: lifted)
    }
}
