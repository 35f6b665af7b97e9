import Foundation
import Testing
import Webhooks

@Suite struct AttemptVerdictTests {
    static let first = Date(timeIntervalSince1970: 1_795_000_000)
    let schedule = RetrySchedule.standard

    private func decide(
        _ result: AttemptResult, attempt: Int = 1, now: Date = first, failingSince: Date? = nil
    ) -> AttemptVerdict {
        var middle = FixedGenerator(1 << 63)  // no jitter
        return AttemptVerdict.decide(
            result: result, attempt: attempt, firstAttemptAt: Self.first, now: now, failingSince: failingSince,
            schedule: schedule, using: &middle)
    }

    @Test func aTwoHundredDeliversAndClearsTheFailingFlag() {
        #expect(decide(AttemptResult(statusCode: 204)) == AttemptVerdict(delivery: .delivered, webhook: .healthy))
    }

    @Test func goneFailsTheDeliveryAndDisablesTheWebhookSayingWhy() {
        let verdict = decide(AttemptResult(statusCode: 410))
        #expect(verdict.delivery == .failed)
        guard case .disable(let reason) = verdict.webhook else {
            Issue.record("expected the webhook to be disabled")
            return
        }
        #expect(reason.contains("410 Gone"))
    }

    @Test func aFirstFailureRetriesAfterFiveSecondsAndStartsTheFailingClock() {
        let verdict = decide(AttemptResult(statusCode: 500))
        #expect(verdict.delivery == .retry(at: Self.first.addingTimeInterval(5)))
        #expect(verdict.webhook == .failing(since: Self.first))
    }

    @Test func anAnswerlessFailureIsRetriedLikeAServerError() {
        let verdict = decide(AttemptResult(error: "timeout: no complete answer within 15 s"))
        #expect(verdict.delivery == .retry(at: Self.first.addingTimeInterval(5)))
    }

    @Test func theFailingClockKeepsItsFirstTime() {
        let earlier = Self.first.addingTimeInterval(-3600)
        #expect(decide(AttemptResult(statusCode: 500), failingSince: earlier).webhook == .failing(since: earlier))
    }

    @Test func retryAfterOnTooManyRequestsPushesTheRetryBack() {
        let verdict = decide(AttemptResult(statusCode: 429, retryAfter: 120))
        #expect(verdict.delivery == .retry(at: Self.first.addingTimeInterval(120)))
    }

    @Test func retryAfterOnAnOrdinaryErrorIsIgnored() {
        let verdict = decide(AttemptResult(statusCode: 500, retryAfter: 120))
        #expect(verdict.delivery == .retry(at: Self.first.addingTimeInterval(5)))
    }

    @Test func theEighthFailedAttemptGivesUp() {
        let now = Self.first.addingTimeInterval(20 * 3600)
        #expect(decide(AttemptResult(statusCode: 500), attempt: 8, now: now).delivery == .failed)
    }

    @Test func fiveDaysOfFailuresDisableTheWebhook() {
        let since = Self.first.addingTimeInterval(-5 * 24 * 3600)
        let verdict = decide(AttemptResult(statusCode: 503), failingSince: since)
        #expect(verdict.delivery == .failed)
        guard case .disable(let reason) = verdict.webhook else {
            Issue.record("expected the webhook to be disabled")
            return
        }
        #expect(reason.contains("every delivery failed since"))
    }

    @Test func justUnderFiveDaysDoesNotDisable() {
        let since = Self.first.addingTimeInterval(-5 * 24 * 3600 + 60)
        #expect(decide(AttemptResult(statusCode: 503), failingSince: since).webhook == .failing(since: since))
    }

    @Test func anInterruptedAttemptIsDueAgainAtOnceAndSaysNothingAboutTheReceiver() {
        let verdict = decide(AttemptResult(error: "interrupted", interrupted: true), attempt: 3)
        #expect(verdict == AttemptVerdict(delivery: .retry(at: Self.first), webhook: .none))
    }

    @Test func onlyADeliveryOrAGivingUpLetsTheNextClaimOfAPileGo() {
        #expect(decide(AttemptResult(statusCode: 200)).delivery.releasesPileOrder)
        #expect(decide(AttemptResult(statusCode: 410)).delivery.releasesPileOrder)
        let late = Self.first.addingTimeInterval(20 * 3600)
        #expect(decide(AttemptResult(statusCode: 500), attempt: 8, now: late).delivery.releasesPileOrder)
        #expect(!decide(AttemptResult(statusCode: 500)).delivery.releasesPileOrder)
        #expect(!decide(AttemptResult(statusCode: 429, retryAfter: 120)).delivery.releasesPileOrder)
        let interrupted = AttemptResult(error: "interrupted", interrupted: true)
        #expect(!decide(interrupted, attempt: 3).delivery.releasesPileOrder)
    }

    @Test func theLogKeepsAtMostTwoKilobytesOfTheAnswer() {
        #expect(AttemptResult(excerpt: [UInt8](repeating: 65, count: 5000)).excerpt.count == 2048)
    }
}
