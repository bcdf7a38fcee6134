import Enforcement
import Foundation
import Licensing
import RegistryClient
import RegistryStore
import RegistryWire
import SwiftProtobuf
import Testing

/// The working-day calendar the deadlines count in (148.1.9-2) is the Ministry's to extend.
@Suite("End to end: importing the working calendar")
struct CalendarImportTests {
    @Test func theMinistryImportsACalendarYearAndAMalformedFileIsRefusedWithEveryProblem() async throws {
        try await withRegistry { registry in
            let ministry = try await registry.connect()
            let stub = RegistryStub(connection: ministry)
            let bad = Data(
                #"{"years":[2028,2028],"days":[{"date":"2028-01-01","kind":"nonWorking"},{"date":"2028-01-01","kind":"nonWorking"},{"date":"2028-13-01","kind":"nonWorking"}]}"#
                    .utf8)
            let refused = await #expect(throws: RPCError.self) { _ = try await stub.importWorkingCalendar(.with { $0.document = bad }) }
            #expect(refused?.code == .invalidArgument)
            // 2028-01-01 is a Saturday, listed twice, and a thirteenth month: three problems, each named.
            #expect(refused?.fieldViolations.map(\.field) == ["document", "document", "document"])
            #expect(refused?.fieldViolations.contains { $0.description.contains("days[1] 2028-01-01: overlaps days[0]") } == true)
            let good = Data(
                #"{"source":"order of 2027-12","years":[2028,2028],"days":[{"date":"2028-01-03","kind":"nonWorking"},{"date":"2028-03-08","kind":"nonWorking"}]}"#
                    .utf8)
            let imported = try await stub.importWorkingCalendar(.with { $0.document = good })
            #expect(imported.firstYear == 2024)
            #expect(imported.lastYear == 2028)
            let calendar = try await registry.store.read { try $0.workingCalendar() }
            #expect(try !calendar.isWorkingDay(LocalDate("2028-01-03")!))
            #expect(try !calendar.isWorkingDay(LocalDate("2026-03-23")!))  // the shipped years stay

            let territorial = try await registry.connect(role: "territorialBody")
            let denied = await #expect(throws: RPCError.self) {
                _ = try await RegistryStub(connection: territorial).importWorkingCalendar(.with { $0.document = good })
            }
            #expect(denied?.code == .permissionDenied)
            await territorial.close()
            await ministry.close()
        }
    }
}
