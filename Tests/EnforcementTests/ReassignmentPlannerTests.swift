import Enforcement
import Testing

/// The transfer policy (DOMAIN.md §7.1, INV-14, INV-15): least loaded, even, reproducible, never to an ineligible bailiff.
@Suite("Reassignment planner")
struct ReassignmentPlannerTests {
    static func proceeding(_ n: Int, _ category: ProceedingCategory = .other, _ debtor: EnforcementDocument.DebtorKind = .individual)
        -> EnforcementProceeding
    {
        EnforcementProceeding(
            number: "P-" + String(repeating: "0", count: max(0, 5 - String(n).count)) + String(n),
            document: EnforcementDocument(
                kind: .courtWrit, reference: "2-\(n)", debtorKind: debtor, subject: .collection, inFavourOfState: false),
            category: category,
            creditor: Party(kind: .individual, name: "Creditor \(n)", identifier: "", contact: ""),
            debtor: Party(kind: .individual, name: "Debtor \(n)", identifier: "", contact: ""),
            debtorLocation: DebtorLocation(district: "almaty-city", unit: "Bostandyk"), amount: Tenge(tiyn: 100_000),
            openedOn: LocalDate("2026-01-10")!,
            district: "almaty-city", holder: .regionalChamber(district: "almaty-city"), advancePaid: .zero, advanceUsed: .zero,
            status: .open
        )
    }

    static func competence(_ proceeding: EnforcementProceeding) -> Competence.Exclusion? {
        Competence.exclusion(of: proceeding.document, amount: proceeding.amount, on: proceeding.openedOn, mci: testMCI)
    }

    @Test func theLeastLoadedBailiffReceivesFirst() {
        let planner = ReassignmentPlanner(policy: .standard, seed: 7)
        let plan = planner.plan(
            [Self.proceeding(1)], candidates: [.init(license: "2026-000002", load: 40), .init(license: "2026-000003", load: 12)],
            competence: Self.competence)
        #expect(plan.first?.receiver == "2026-000003")
        #expect(plan.first?.candidateCount == 2)
        #expect(plan.first?.loads.map(\.load) == [40, 12])
    }

    @Test func oneJobSpreadsEvenlyOverEquallyLoadedBailiffs() {
        let planner = ReassignmentPlanner(policy: .standard, seed: 42)
        let candidates = ["2026-000002", "2026-000003", "2026-000004"].map { ReceiverCandidate(license: $0, load: 5) }
        let plan = planner.plan((1...10).map { Self.proceeding($0) }, candidates: candidates, competence: Self.competence)
        let counts = Dictionary(grouping: plan.compactMap(\.receiver), by: { $0 }).mapValues(\.count)
        #expect(counts.values.sorted() == [3, 3, 4])
    }

    @Test func categoryWeightsCountInTheLoad() {
        let policy = TransferPolicy(version: "weighted/1", categoryWeights: [.sociallySignificant: 3])
        let planner = ReassignmentPlanner(policy: policy, seed: 1)
        let plan = planner.plan(
            [Self.proceeding(1, .sociallySignificant), Self.proceeding(2), Self.proceeding(3)],
            candidates: [.init(license: "A", load: 0), .init(license: "B", load: 0)], competence: Self.competence)
        // The first (weight 3) goes to one bailiff; the next two (weight 1 each) to the other.
        #expect(plan[1].receiver == plan[2].receiver)
        #expect(plan[0].receiver != plan[1].receiver)
    }

    @Test func theSameSeedReplaysToTheSameResultAndTheTieBreakDependsOnIt() {
        let proceedings = (1...50).map { Self.proceeding($0) }
        let candidates = (2...9).map { ReceiverCandidate(license: "2026-00000\($0)", load: 0) }
        let first = ReassignmentPlanner(policy: .standard, seed: 99).plan(proceedings, candidates: candidates, competence: Self.competence)
        let again = ReassignmentPlanner(policy: .standard, seed: 99).plan(proceedings, candidates: candidates, competence: Self.competence)
        #expect(first == again)
        let other = ReassignmentPlanner(policy: .standard, seed: 100).plan(proceedings, candidates: candidates, competence: Self.competence)
        #expect(first.map(\.receiver) != other.map(\.receiver))
        #expect(
            ReassignmentPlanner.seed(for: "2026-000001:1:1774000000000") == ReassignmentPlanner.seed(for: "2026-000001:1:1774000000000"))
    }

    @Test func withNoEligibleBailiffTheProceedingStaysWithTheRegionalChamber() {
        let plan = ReassignmentPlanner(policy: .standard, seed: 1).plan([Self.proceeding(1)], candidates: [], competence: Self.competence)
        guard case .noEligibleReceiver(let reason)? = plan.first?.outcome else {
            Issue.record("assigned to nobody's bailiff")
            return
        }
        #expect(reason.contains("almaty-city"))
    }

    @Test func aDocumentOutsideCompetenceGoesToNoPrivateBailiff_138_1() {
        let plan = ReassignmentPlanner(policy: .standard, seed: 1).plan(
            [Self.proceeding(1, .other, .state)],
            candidates: [.init(license: "A", load: 0)], competence: Self.competence)
        #expect(plan.first?.receiver == nil)
    }

    /// INV-14/15 as properties over many random jobs: every proceeding is placed exactly once, only with a
    /// candidate, and the loads recorded before each choice are the loads after the previous ones.
    @Test func everyProceedingIsPlacedOnceAndOnlyWithACandidate() {
        var generator = SplitMix(state: 2026)
        for _ in 0..<200 {
            let candidateCount = Int(generator.next() % 6)
            let candidates = (0..<candidateCount).map { ReceiverCandidate(license: "L\($0)", load: Int(generator.next() % 20)) }
            let proceedings = (0..<Int(1 + generator.next() % 40)).map {
                Self.proceeding($0, [.other, .stateRevenue, .sociallySignificant][Int(generator.next() % 3)])
            }
            let plan = ReassignmentPlanner(policy: .standard, seed: generator.next()).plan(
                proceedings, candidates: candidates, competence: Self.competence)
            #expect(plan.map(\.proceeding) == proceedings.map(\.number))
            var loads = Dictionary(uniqueKeysWithValues: candidates.map { ($0.license, $0.load) })
            for decision in plan {
                #expect(decision.loads.map(\.load) == decision.loads.map { loads[$0.license]! })
                if let receiver = decision.receiver {
                    #expect(loads[receiver] != nil)
                    #expect(loads[receiver] == loads.values.min())
                    loads[receiver]! += 1
                } else {
                    #expect(candidates.isEmpty)
                }
            }
        }
    }
}

/// A small deterministic generator for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Transfer policy settings")
struct TransferPolicySettingsTests {
    @Test func weightsAreReadFromSettingsAndNamedInTheVersion() throws {
        let policy = try TransferPolicy.parse(weights: ["sociallySignificant=3", "stateRevenue=2"])
        #expect(policy.weight(of: .sociallySignificant) == 3)
        #expect(policy.weight(of: .other) == 1)
        #expect(policy.version == "least-loaded/1+sociallySignificant=3,stateRevenue=2")
        #expect(try TransferPolicy.parse(weights: []) == .standard)
        #expect(throws: TransferPolicy.InvalidWeight.self) { try TransferPolicy.parse(weights: ["alimony=2"]) }
        #expect(throws: TransferPolicy.InvalidWeight.self) { try TransferPolicy.parse(weights: ["other=0"]) }
    }

    /// ExplainAssignment rebuilds a choice from the round's starting loads and what the round
    /// assigned before it: for every item of a plan the replay equals the decision made then.
    @Test func aReplayFromTheRoundsStartingLoadsEqualsEveryDecisionOfThePlan() throws {
        let policy = try TransferPolicy.parse(weights: ["sociallySignificant=3"])
        let planner = ReassignmentPlanner(policy: policy, seed: 99)
        let start = [
            ReceiverCandidate(license: "2026-000002", load: 7), .init(license: "2026-000003", load: 0),
            .init(license: "2026-000004", load: 2),
        ]
        let items = (1...40).map {
            ReassignmentPlannerTests.proceeding($0, $0 % 3 == 0 ? .sociallySignificant : .other, $0 == 17 ? .state : .individual)
        }
        let plan = planner.plan(items, candidates: start, competence: ReassignmentPlannerTests.competence)
        for (index, item) in items.enumerated() {
            let before = zip(items.prefix(index), plan.prefix(index)).compactMap { item, decision in
                decision.receiver.map { ReassignmentPlanner.Assigned(license: $0, category: item.category, count: 1) }
            }
            #expect(
                planner.replay(item, roundStart: start, assignedBefore: before, competence: ReassignmentPlannerTests.competence)
                    == plan[index])
        }
        #expect(plan[16].receiver == nil)  // 138.1(1): collection from the State goes to no private bailiff
    }
}
