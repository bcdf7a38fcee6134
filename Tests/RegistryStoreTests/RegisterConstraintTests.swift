import Enforcement
import GRDB
import Licensing
import RegistryStore
import Testing

@Suite("Register constraints")
struct RegisterConstraintTests {
    @Test func aPersonIsRegisteredOnlyOncePerIIN() async throws {
        let fixture = try StoreFixture()
        try await fixture.store.write { try $0.insert(StoreFixture.person(), recordedBy: "test") }
        await #expect(throws: Rejection.self) {
            try await fixture.store.write { try $0.insert(StoreFixture.person(), recordedBy: "test") }
        }
    }

    @Test func licenseNumbersAreUnique() async throws {
        let fixture = try StoreFixture()
        let person = StoreFixture.person()
        let number = LicenseNumber(year: 2026, sequence: 1)
        try await fixture.store.write { tx in
            try tx.insert(person, recordedBy: "test")
            try tx.insert(StoreFixture.license(number, holder: person))
        }
        await #expect(throws: DatabaseError.self) {
            try await fixture.store.write { try $0.insert(StoreFixture.license(number, holder: person)) }
        }
        #expect(try await fixture.store.read { try $0.license(number)?.history.count } == 1)
    }

    @Test func licenseNumbersComeFromAGaplessYearlySequence() async throws {
        let fixture = try StoreFixture()
        let numbers = try await fixture.store.write { tx in
            [try tx.nextLicenseNumber(year: 2026), try tx.nextLicenseNumber(year: 2026), try tx.nextLicenseNumber(year: 2027)]
        }
        #expect(numbers.map(\.value) == ["2026-000001", "2026-000002", "2027-000001"])
    }

    @Test func aLicenseNeedsARegisteredHolder() async throws {
        let fixture = try StoreFixture()
        await #expect(throws: DatabaseError.self) {
            try await fixture.store.write {
                try $0.insert(StoreFixture.license(LicenseNumber(year: 2026, sequence: 1), holder: StoreFixture.person()))
            }
        }
    }

    @Test func statusHistoryIsAppendOnly() async throws {
        let fixture = try StoreFixture()
        let person = StoreFixture.person()
        try await fixture.store.write { tx in
            try tx.insert(person, recordedBy: "test")
            try tx.insert(StoreFixture.license(LicenseNumber(year: 2026, sequence: 1), holder: person))
        }
        await #expect(throws: DatabaseError.self) {
            try await fixture.store.write { try $0.db.execute(sql: "UPDATE license_status_history SET status = 'deprived'") }
        }
        await #expect(throws: DatabaseError.self) {
            try await fixture.store.write { try $0.db.execute(sql: "DELETE FROM license_status_history") }
        }
        #expect(try await fixture.store.read { try $0.license(LicenseNumber(year: 2026, sequence: 1))?.history.map(\.status) } == [.active])
    }

    @Test func listingFiltersByHolderPrefixCaseInsensitivelyInCyrillic() async throws {
        let fixture = try StoreFixture()
        let a = StoreFixture.person("90010130001", surname: "Ахметов")
        let b = StoreFixture.person("85020240002", surname: "Бекова")
        try await fixture.store.write { tx in
            try tx.insert(a, recordedBy: "test")
            try tx.insert(b, recordedBy: "test")
            try tx.insert(StoreFixture.license(LicenseNumber(year: 2026, sequence: 1), holder: a))
            try tx.insert(StoreFixture.license(LicenseNumber(year: 2026, sequence: 2), holder: b))
        }
        let found = try await fixture.store.read { try $0.licenses(matching: LicenseFilter(holderPrefix: "АХМ"), after: nil, limit: 10) }
        #expect(found.map(\.number.value) == ["2026-000001"])
        let page2 = try await fixture.store.read {
            try $0.licenses(matching: LicenseFilter(), after: LicenseNumber(year: 2026, sequence: 1), limit: 10)
        }
        #expect(page2.map(\.number.value) == ["2026-000002"])
    }
}

@Suite("Point reads")
struct PointReadTests {
    @Test func thePointLookupSeesEveryCommittedDecisionAndMatchesTheTransactionalRead() async throws {
        let fixture = try StoreFixture()
        let person = StoreFixture.person()
        let number = LicenseNumber(year: 2026, sequence: 1)
        #expect(try fixture.store.license(number) == nil)
        try await fixture.store.write { tx in
            try tx.insert(person, recordedBy: "test")
            try tx.insert(StoreFixture.license(number, holder: person))
        }
        let viaPoint = try #require(try fixture.store.license(number))
        #expect(viaPoint == (try await fixture.store.read { try $0.license(number) }))
        try await fixture.store.write { tx in
            try tx.append(
                StatusChange(
                    kind: .suspended, status: .suspended, decisionDate: LocalDate("2026-04-01")!,
                    decidedAt: Instant(millisecondsSinceEpoch: 2),
                    effectiveDate: LocalDate("2026-04-01")!, legalBasis: "143.2.2", groundCode: "s143_2_2",
                    actor: "ministry", requestID: "r2"), to: number)
            try tx.append(
                StatusChange(
                    kind: .annulled, status: .active, decisionDate: LocalDate("2026-05-01")!, decidedAt: Instant(millisecondsSinceEpoch: 3),
                    effectiveDate: LocalDate("2026-04-28")!, legalBasis: "143.8", groundCode: "s143_2_2",
                    actor: "ministry", requestID: "r3", reasons: "unfounded", document: "3a-1/26", annulsEntry: 1), to: number)
        }
        let pointRead = try fixture.store.license(number)
        #expect(pointRead?.history.map(\.status) == [.active, .suspended, .active])
        #expect(pointRead?.history.last?.annulsEntry == 1)
        #expect(pointRead?.history.last?.document == "3a-1/26")
        #expect(pointRead == (try await fixture.store.read { try $0.license(number) }))
    }
}

@Suite("Recording decisions")
struct DecisionRecordTests {
    @Test func aDecisionUpdatesTheStatusAndAppendsItsHistoryWithTermAndReasons() async throws {
        let fixture = try StoreFixture()
        let person = StoreFixture.person()
        let number = LicenseNumber(year: 2026, sequence: 1)
        let issued = StoreFixture.license(number, holder: person)
        try await fixture.store.write { tx in
            try tx.insert(person, recordedBy: "test")
            try tx.insert(issued)
        }
        let context = DecisionContext(actor: "ministry", requestID: "r2", now: Instant(startOf: LocalDate("2026-04-01")!))
        let suspended = try issued.suspended(
            ground: .s143_2_4, until: LocalDate("2026-07-01")!, reasons: "outside the district",
            proposal: ProposalReference(author: .territorialBody, reference: "TB-1"), context: context)
        try await fixture.store.write { try $0.record(suspended, replacing: issued) }
        let stored = try #require(try fixture.store.license(number))
        #expect(stored == suspended)
        #expect(stored.history.last?.termEnd == LocalDate("2026-07-01"))
        #expect(stored.history.last?.reasons == "outside the district")
        // A second decision made on the stale state is refused, not merged.
        let stale = try issued.terminated(ground: .t144_1_4, reasons: "death", disciplinaryProceedingOpen: false, context: context)
        await #expect(throws: Rejection.self) { try await fixture.store.write { try $0.record(stale, replacing: issued) } }
        #expect(try fixture.store.license(number)?.status == .suspended)
    }
}
