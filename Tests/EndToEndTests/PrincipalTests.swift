import Licensing
import RegistryService
import Testing

@Suite("Identity URIs")
struct PrincipalTests {
    @Test func regionalRolesCarryAKnownDistrict() throws {
        let p = try Principal(uri: "spiffe://registry.bailiff.kz/role/regionalChamber/region/almaty-city")
        #expect(p.role == .regionalChamber)
        #expect(p.region == "almaty-city")
        #expect(p.uri == "spiffe://registry.bailiff.kz/role/regionalChamber/region/almaty-city")
        #expect(throws: Principal.InvalidIdentity.self) { try Principal(uri: "spiffe://registry.bailiff.kz/role/regionalChamber") }
        #expect(throws: Principal.InvalidIdentity.self) {
            try Principal(uri: "spiffe://registry.bailiff.kz/role/regionalChamber/region/almaty")
        }
    }

    @Test func aBailiffIsIdentifiedByLicenseNumber() throws {
        let p = try Principal(uri: "spiffe://registry.bailiff.kz/role/bailiff/license/2026-000001")
        #expect(p.licenseNumber?.value == "2026-000001")
        #expect(throws: Principal.InvalidIdentity.self) { try Principal(uri: "spiffe://registry.bailiff.kz/role/bailiff") }
    }

    @Test func foreignTrustDomainsUnknownRolesAndStraySegmentsAreRejected() {
        for uri in [
            "spiffe://evil.example/role/ministry", "spiffe://registry.bailiff.kz/role/king",
            "spiffe://registry.bailiff.kz/role/ministry/region/astana", "spiffe://registry.bailiff.kz/role/ministry/extra/x",
            "spiffe://registry.bailiff.kz/role/ministry/role/auditor", "spiffe://registry.bailiff.kz/role",
        ] {
            #expect(throws: Principal.InvalidIdentity.self, "\(uri)") { try Principal(uri: uri) }
        }
    }
}
