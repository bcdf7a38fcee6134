import Enforcement
import Licensing
import RegistryStore

/// What a recorded contract means for practice, returned with it.
public struct RecordedInsurance: Codable, Sendable {
    public let contract: InsuranceContract
    /// The minimum of 146.2-1 for the bailiff's district in the contract's year; nil when that year's MCI is unknown.
    public let minimum: Tenge?
    public var sufficient: Bool { minimum.map { contract.sumInsured >= $0 } ?? false }
}

extension RegistryCore {
    /// Records a bailiff's professional liability insurance contract (146). A contract below
    /// the minimum is kept as a fact, and the answer says it is not sufficient: without a
    /// sufficient one he may not practise (146.1, INV-4).
    public func recordInsuranceContract(_ contract: InsuranceContract, context: RequestContext) async throws -> RecordedInsurance {
        try await mutate(context: context, subject: { "insurance:\($0.contract.id)" }) { tx, now in
            // Art. 162: a regional chamber records the contracts of its own region's bailiffs.
            try Self.requireOwnRegion(context.principal, license: try Self.requireLicense(contract.licenseNumber, tx: tx), article: "162.1")
            return try Self.insure(contract, recordedBy: context.principal.uri, tx: tx, at: now)
        }
    }

    static func insure(_ contract: InsuranceContract, recordedBy: String, tx: StoreTransaction, at now: Instant) throws -> RecordedInsurance
    {
        let license = try requireLicense(contract.licenseNumber, tx: tx)
        let checked = try contract.validated()
        let existing = try tx.insuranceContracts(of: license.number)
        guard !existing.contains(where: { $0.insurer == checked.insurer && $0.contractNumber == checked.contractNumber }) else {
            throw Rejection(
                .alreadyExists, reason: "CONTRACT_ALREADY_RECORDED",
                message: "contract \(checked.contractNumber) of \(checked.insurer) is already recorded")
        }
        let stored = try tx.insert(checked, recordedBy: recordedBy, at: now)
        return RecordedInsurance(
            contract: stored,
            minimum: InsuranceContract.minimumSum(district: license.district, concludedOn: checked.concludedOn, mci: try tx.mciTable()))
    }

    public func insuranceContracts(licenseNumber: String, context: RequestContext) async throws -> [RecordedInsurance] {
        let number = try LicenseNumber.parse(licenseNumber, field: "license_number")
        try Self.requireOwnRecord(context.principal, license: number, what: "insurance contracts")
        return try await store.read { reader in
            let license = try Self.requireLicense(number, tx: reader)
            let mci = try reader.mciTable()
            return try reader.insuranceContracts(of: number).map {
                RecordedInsurance(
                    contract: $0, minimum: InsuranceContract.minimumSum(district: license.district, concludedOn: $0.concludedOn, mci: mci))
            }
        }
    }
}
