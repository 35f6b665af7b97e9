import Foundation
import Testing
import Webhooks

@Suite struct CircuitBreakerTests {
    let breaker = CircuitBreaker.standard
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func standardBreakerOpensAfterFiveFailuresAndPausesFiveSecondsUpToFiveMinutes() {
        #expect(breaker.threshold == 5)
        #expect(breaker.pausedUntil(consecutiveFailures: 4, now: now) == nil)
        let pauses = (5...14).map { breaker.pausedUntil(consecutiveFailures: $0, now: now)?.timeIntervalSince(now) }
        #expect(pauses == [5, 10, 20, 40, 80, 160, 300, 300, 300, 300])
        #expect(breaker.pausedUntil(consecutiveFailures: Int.max, now: now)?.timeIntervalSince(now) == 300)
    }

    @Test func belowTheThresholdItIsClosedAndLeasesUpToTheFreeSlots() {
        let state = breaker.state(consecutiveFailures: 4, pausedUntil: nil, now: now)
        #expect(state == .closed)
        #expect(breaker.budget(state: state, inFlight: 1, limit: 4) == 3)
        #expect(breaker.budget(state: state, inFlight: 6, limit: 4) == 0)
    }

    @Test func whilePausedNothingIsLeased() {
        let until = now.addingTimeInterval(5)
        let state = breaker.state(consecutiveFailures: 5, pausedUntil: until, now: now)
        #expect(state == .open(until: until))
        #expect(breaker.budget(state: state, inFlight: 0, limit: 4) == 0)
    }

    @Test func afterThePauseOneProbeGoesAndOnlyWhileNothingElseIsInFlight() {
        let state = breaker.state(consecutiveFailures: 9, pausedUntil: now, now: now)
        #expect(state == .halfOpen)
        #expect(breaker.budget(state: state, inFlight: 0, limit: 4) == 1)
        #expect(breaker.budget(state: state, inFlight: 1, limit: 4) == 0)
        #expect(breaker.state(consecutiveFailures: 5, pausedUntil: nil, now: now) == .halfOpen)
    }

    @Test func scalingShortensThePausesButNotTheThreshold() {
        let scaled = breaker.scaled(by: 0.001)
        #expect(scaled.threshold == 5)
        #expect(scaled.basePause == 0.005)
        #expect(scaled.maximumPause == 0.3)
        let first = scaled.pausedUntil(consecutiveFailures: 5, now: now)?.timeIntervalSince(now) ?? 0
        #expect(abs(first - 0.005) < 0.000_1, "a Date near 2026 keeps about 0.1 µs of precision")
    }
}
