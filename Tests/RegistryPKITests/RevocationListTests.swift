import Foundation
import RegistryPKI
import SwiftASN1
import Testing
import X509

/// Revocation lists as registryd reads them (issue 12.7): which certificates they revoke, and
/// that only a list the client CA signed is believed.
@Suite("PKI: certificate revocation lists")
struct RevocationListTests {
    static let moment = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28, fixed

    @Test func aListRevokesTheCertificatesItNamesAndNoOther() throws {
        let ca = try CertificateAuthority.create(commonName: "Registry CA", now: Self.moment)
        let revoked = try ca.issueClient(
            commonName: "bailiff", identityURI: "spiffe://registry.bailiff.kz/role/bailiff/license/2026-000001")
        let kept = try ca.issueClient(commonName: "ministry", identityURI: "spiffe://registry.bailiff.kz/role/ministry")
        let pem = try ca.revocationListPEM(
            revoking: [try revoked.serialNumber], thisUpdate: Self.moment, nextUpdate: Self.moment.addingTimeInterval(7 * 86_400))
        let lists = try RevocationList.lists(pem: pem, issuedByOneOf: ca.certificatePEM)
        #expect(lists.count == 1)
        #expect(lists[0].revokes(try Certificate(pemEncoded: revoked.certificatePEM)))
        #expect(!lists[0].revokes(try Certificate(pemEncoded: kept.certificatePEM)))
        #expect(lists[0].thisUpdate == Self.moment)
        #expect(lists[0].nextUpdate == Self.moment.addingTimeInterval(7 * 86_400))
    }

    @Test func aListRevokesOnlyCertificatesOfItsOwnIssuer() throws {
        let ca = try CertificateAuthority.create(commonName: "Registry CA", now: Self.moment)
        let other = try CertificateAuthority.create(commonName: "Other CA", now: Self.moment)
        let stranger = try other.issueClient(commonName: "x", identityURI: "spiffe://registry.bailiff.kz/role/ministry")
        // The same serial, issued by another CA, is not this list's to revoke.
        let pem = try ca.revocationListPEM(revoking: [try stranger.serialNumber], thisUpdate: Self.moment, nextUpdate: Self.moment)
        let list = try #require(try RevocationList.lists(pem: pem, issuedByOneOf: ca.certificatePEM).first)
        #expect(!list.revokes(try Certificate(pemEncoded: stranger.certificatePEM)))
    }

    @Test func aListNotSignedByTheClientCAIsRefusedNamingItsIssuer() throws {
        let ca = try CertificateAuthority.create(commonName: "Registry CA", now: Self.moment)
        let forger = try CertificateAuthority.create(commonName: "Registry CA", now: Self.moment)  // same name, other key
        let pem = try forger.revocationListPEM(revoking: [], thisUpdate: Self.moment, nextUpdate: Self.moment)
        #expect(throws: RevocationListError.self) { try RevocationList.lists(pem: pem, issuedByOneOf: ca.certificatePEM) }
        do {
            _ = try RevocationList.lists(pem: pem, issuedByOneOf: ca.certificatePEM)
        } catch {
            #expect("\(error)".contains("is not signed by a client CA"))
        }
    }

    @Test func aFileWithoutACRLBlockOrWithABrokenOneIsRefused() throws {
        let ca = try CertificateAuthority.create(commonName: "Registry CA", now: Self.moment)
        #expect(throws: RevocationListError.self) { try RevocationList.lists(pem: ca.certificatePEM, issuedByOneOf: ca.certificatePEM) }
        let broken = "-----BEGIN X509 CRL-----\nMAMCAQE=\n-----END X509 CRL-----\n"
        #expect(throws: (any Error).self) { try RevocationList.lists(pem: broken, issuedByOneOf: ca.certificatePEM) }
    }

    @Test func aListOpenSSLWroteIsReadAndItsSignatureChecked() throws {
        // `openssl ca -gencrl` for a throwaway CA, revoking serial 0x1001 (v2, UTCTime, a CRL number extension).
        let list = try #require(try RevocationList.lists(pem: Self.opensslCRL, issuedByOneOf: Self.opensslCA).first)
        #expect(list.revokedSerials == [[0x10, 0x01]])
        #expect(list.nextUpdate.map { $0 > list.thisUpdate } == true)
    }

    static let opensslCA = """
        -----BEGIN CERTIFICATE-----
        MIIBnTCCAUOgAwIBAgIUYCpqLjz+RLBkfzClPVhutZwBzf0wCgYIKoZIzj0EAwIw
        JDENMAsGA1UECgwEVGVzdDETMBEGA1UEAwwKT3BlblNTTCBDQTAeFw0yNjEyMDQy
        MTE4MjBaFw0zNjEyMDEyMTE4MjBaMCQxDTALBgNVBAoMBFRlc3QxEzARBgNVBAMM
        Ck9wZW5TU0wgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQ0dLQb8UaqYVIl
        hUvS34gDSGHpdUPvg4zF1oWaKJ1axowChy9o0zEP8krC1ZwDH70oS2FmG88gpp/j
        18klgaPmo1MwUTAdBgNVHQ4EFgQUDosJdbOi0/AlQdYJXAL3DSaoPiswHwYDVR0j
        BBgwFoAUDosJdbOi0/AlQdYJXAL3DSaoPiswDwYDVR0TAQH/BAUwAwEB/zAKBggq
        hkjOPQQDAgNIADBFAiEA5MG6nlJAnPXxvmWrssRMsaIJMWV0onc1ZZWH2Qv6kNMC
        IA1ZSyOaq9snlJWdpPR9DB2vgaPlY00W5glsTDOm46wW
        -----END CERTIFICATE-----
        """

    static let opensslCRL = """
        -----BEGIN X509 CRL-----
        MIHSMHsCAQEwCgYIKoZIzj0EAwIwJDENMAsGA1UECgwEVGVzdDETMBEGA1UEAwwK
        T3BlblNTTCBDQRcNMjYxMjA0MjExODIwWhcNMjcwMTAzMjExODIwWjAVMBMCAhAB
        Fw0yNjAxMDEwMDAwMDBaoA8wDTALBgNVHRQEBAICEAAwCgYIKoZIzj0EAwIDRwAw
        RAIgAldlHos/9pmVlbcoiBgZ2XD/56Z7I8SfsY5Xw9xx2scCICsgoXASu2JPl5Ec
        Qr1OkTwqKex5nk2ES0nzm1Hpzdvs
        -----END X509 CRL-----
        """
}
