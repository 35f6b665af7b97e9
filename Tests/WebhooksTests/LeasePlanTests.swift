import Testing
import Webhooks

@Suite struct LeasePlanTests {
    private func candidates(_ budgets: [String: Int]) -> [LeasePlan.Candidate] {
        budgets.map { LeasePlan.Candidate(webhookID: $0.key, budget: $0.value) }
    }

    private func counts(_ plan: LeasePlan) -> [String] { plan.picks.map { "\($0.webhookID)=\($0.count)" } }

    @Test func everyWebhookWithDueWorkGetsItsShareWhateverItsBacklog() {
        // Four dead webhooks of one tenant and one healthy webhook of another, each with 4 slots.
        let plan = LeasePlan(
            candidates: candidates(["a1": 4, "a2": 4, "a3": 4, "a4": 4, "b": 4]), after: nil, total: 256,
            maximumWebhooks: 64)
        #expect(counts(plan) == ["a1=4", "a2=4", "a3=4", "a4=4", "b=4"])
        #expect(plan.cursor == "b")
    }

    @Test func aRoundBoundedByItsTotalStartsTheNextWhereItStopped() {
        let all = candidates(["a": 4, "b": 4, "c": 4, "d": 4])
        let first = LeasePlan(candidates: all, after: nil, total: 6, maximumWebhooks: 64)
        #expect(counts(first) == ["a=4", "b=2"])
        let second = LeasePlan(candidates: all, after: first.cursor, total: 6, maximumWebhooks: 64)
        #expect(counts(second) == ["c=4", "d=2"])
        let third = LeasePlan(candidates: all, after: second.cursor, total: 6, maximumWebhooks: 64)
        #expect(counts(third) == ["a=4", "b=2"], "wraps around")
    }

    @Test func aRoundServesAtMostItsWebhookLimitAndEveryWebhookComesInTurn() {
        let ids = (0..<10).map { "w\($0)" }
        let all = ids.map { LeasePlan.Candidate(webhookID: $0, budget: 1) }
        var cursor: String?
        var served: [String] = []
        for _ in 0..<4 {
            let plan = LeasePlan(candidates: all, after: cursor, total: 100, maximumWebhooks: 3)
            #expect(plan.picks.count == 3)
            served += plan.picks.map(\.webhookID)
            cursor = plan.cursor
        }
        #expect(Set(served.prefix(10)) == Set(ids), "all ten served within four rounds of three")
    }

    @Test func webhooksWithoutBudgetAreSkippedAndAProbeStaysAProbe() {
        let plan = LeasePlan(
            candidates: [
                .init(webhookID: "open", budget: 0), .init(webhookID: "probe", budget: 1, probe: true),
                .init(webhookID: "full", budget: 0),
            ], after: nil, total: 10, maximumWebhooks: 64)
        #expect(plan.picks == [LeasePlan.Pick(webhookID: "probe", count: 1, probe: true)])
    }

    @Test func aCursorThatIsGoneStartsAtTheNextIdAndNothingToDoKeepsTheCursor() {
        let all = candidates(["a": 1, "c": 1])
        #expect(counts(LeasePlan(candidates: all, after: "b", total: 1, maximumWebhooks: 64)) == ["c=1"])
        #expect(counts(LeasePlan(candidates: all, after: "c", total: 1, maximumWebhooks: 64)) == ["a=1"])
        #expect(LeasePlan(candidates: [], after: "c", total: 4, maximumWebhooks: 64).cursor == "c")
    }
}
