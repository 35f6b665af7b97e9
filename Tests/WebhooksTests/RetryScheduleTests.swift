import Foundation
import TestSupport
import Testing
import Webhooks

@Suite struct RetryScheduleTests {
    static let documentedDelays: [TimeInterval] = [5, 300, 1800, 7200, 18000, 36000, 36000]
    static let first = Date(timeIntervalSince1970: 1_795_000_000)
    let schedule = RetrySchedule.standard

    private func delay(
        after attempt: Int, failedAt now: Date = first, retryAfter: TimeInterval? = nil,
        generator: inout some RandomNumberGenerator
    ) -> TimeInterval? {
        schedule.nextAttempt(
            afterAttempt: attempt, firstAttemptAt: Self.first, now: now, retryAfter: retryAfter, using: &generator
        )?.timeIntervalSince(now)
    }

    @Test func standardScheduleIsTheDocumentedOne() {
        #expect(schedule.delays == Self.documentedDelays)
        #expect(schedule.jitter == 0.2)
        #expect(schedule.maximumAttempts == 8)
    }

    @Test(arguments: 1...7)
    func everyRetryLandsWithinTwentyPercentOfItsDelay(attempt: Int) throws {
        let nominal = Self.documentedDelays[attempt - 1]
        var generator = SplitMix64(seed: UInt64(attempt))
        var seen: Set<TimeInterval> = []
        for _ in 0..<500 {
            let delay = try #require(delay(after: attempt, generator: &generator))
            #expect(delay >= nominal * 0.8 && delay <= nominal * 1.2)
            seen.insert(delay)
        }
        #expect(seen.count > 400, "jitter should vary")
        let low = seen.filter { $0 < nominal * 0.9 }.count
        let high = seen.filter { $0 > nominal * 1.1 }.count
        #expect(low > 50 && high > 50, "jitter should use the whole ±20% band")
    }

    @Test(arguments: 1...7)
    func jitterExtremesAreMinusAndPlusTwentyPercent(attempt: Int) throws {
        let nominal = Self.documentedDelays[attempt - 1]
        var lowest = FixedGenerator(0)
        var highest = FixedGenerator(.max)
        let low = try #require(delay(after: attempt, generator: &lowest))
        let high = try #require(delay(after: attempt, generator: &highest))
        #expect(abs(low - nominal * 0.8) < 1e-6)
        #expect(high <= nominal * 1.2 && high > nominal * 1.2 - 1e-6)
    }

    @Test func delayIsCountedFromTheFailedAttemptNotTheFirst() throws {
        var generator = FixedGenerator(1 << 63)  // the middle: no jitter
        let failedAt = Self.first.addingTimeInterval(3600)
        let next = schedule.nextAttempt(
            afterAttempt: 4, firstAttemptAt: Self.first, now: failedAt, retryAfter: nil, using: &generator)
        #expect(next == failedAt.addingTimeInterval(7200))
    }

    @Test func givesUpAfterTheEighthAttempt() {
        var generator = SplitMix64(seed: 1)
        #expect(delay(after: 7, generator: &generator) != nil)
        #expect(delay(after: 8, generator: &generator) == nil)
        #expect(delay(after: 9, generator: &generator) == nil)
    }

    @Test func laterRetryAfterIsHonoured() {
        var generator = FixedGenerator(.max)
        #expect(delay(after: 1, retryAfter: 120, generator: &generator) == 120)
    }

    @Test func earlierRetryAfterDoesNotShortenTheSchedule() throws {
        var generator = FixedGenerator(0)
        let delay = try #require(delay(after: 3, retryAfter: 10, generator: &generator))
        #expect(abs(delay - 1800 * 0.8) < 1e-6)
    }

    @Test func retryAfterIsCappedAtTenHours() {
        var generator = FixedGenerator(0)
        #expect(delay(after: 1, retryAfter: 7 * 24 * 3600, generator: &generator) == 36000)
    }

    @Test(arguments: [-60.0, 0, .nan, .infinity])
    func meaninglessRetryAfterIsIgnored(retryAfter: Double) throws {
        var generator = FixedGenerator(0)
        let delay = try #require(delay(after: 1, retryAfter: retryAfter, generator: &generator))
        #expect(abs(delay - 4) < 1e-9)
    }

    @Test func noAttemptIsScheduledPastFortyEightHours() throws {
        var generator = FixedGenerator(0)
        let lateFailure = Self.first.addingTimeInterval(47 * 3600)
        let next = try #require(
            schedule.nextAttempt(
                afterAttempt: 6, firstAttemptAt: Self.first, now: lateFailure, retryAfter: nil, using: &generator))
        #expect(next == Self.first.addingTimeInterval(48 * 3600))
        let tooLate = Self.first.addingTimeInterval(48 * 3600)
        #expect(
            schedule.nextAttempt(
                afterAttempt: 2, firstAttemptAt: Self.first, now: tooLate, retryAfter: nil, using: &generator) == nil)
    }

    @Test func systemRandomOverloadStaysWithinTheBand() throws {
        for _ in 0..<100 {
            let next = try #require(
                schedule.nextAttempt(afterAttempt: 2, firstAttemptAt: Self.first, now: Self.first, retryAfter: nil))
            let delay = next.timeIntervalSince(Self.first)
            #expect(delay >= 240 && delay <= 360)
        }
    }

    static let failureStreaks: [(failingFor: TimeInterval?, disabled: Bool)] = [
        (nil, false),
        (0, false),
        (431_999, false),
        (432_000, true),
        (2_592_000, true),
    ]

    @Test(arguments: failureStreaks)
    func webhookIsDisabledOnlyAfterFiveDaysOfFailures(failingFor: TimeInterval?, disabled: Bool) {
        let now = Self.first.addingTimeInterval(10 * 24 * 3600)
        let failingSince = failingFor.map { now.addingTimeInterval(-$0) }
        #expect(schedule.shouldDisableWebhook(failingSince: failingSince, now: now) == disabled)
    }
}
