import Claims
import Testing

/// The pile worker's back-off: bounded tries, growing delays, then the pile is parked.
struct PileRetryPolicyTests {
    @Test func delaysGrowAndTheFifthFailureParksThePile() {
        let policy = PileRetryPolicy()
        #expect((1...4).map { policy.delay(afterAttempts: $0) } == [5, 30, 120, 600])
        #expect(policy.delay(afterAttempts: 5) == nil)
        #expect(policy.delay(afterAttempts: 6) == nil)
        #expect(policy.delay(afterAttempts: 0) == nil)
        #expect(PileRetryPolicy.maxAttempts == 5)
    }

    @Test func theScaleShortensEveryDelay() {
        let policy = PileRetryPolicy(scale: 0.001)
        #expect(abs((policy.delay(afterAttempts: 1) ?? 0) - 0.005) < 1e-9)
        #expect(abs((policy.delay(afterAttempts: 4) ?? 0) - 0.6) < 1e-9)
    }
}
