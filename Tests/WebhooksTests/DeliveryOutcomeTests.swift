import Testing
import Webhooks

@Suite struct DeliveryOutcomeTests {
    @Test(arguments: [200, 201, 202, 204, 299])
    func anyTwoHundredIsDelivered(status: Int) {
        #expect(DeliveryOutcome(statusCode: status, retryAfter: 30) == .delivered)
    }

    @Test func goneDisablesTheWebhook() {
        #expect(DeliveryOutcome(statusCode: 410) == .disableWebhook)
    }

    @Test(arguments: [429, 503])
    func throttlingAnswersRetryHonouringRetryAfter(status: Int) {
        #expect(DeliveryOutcome(statusCode: status, retryAfter: 90) == .retry(retryAfter: 90))
        #expect(DeliveryOutcome(statusCode: status) == .retry(retryAfter: nil))
    }

    @Test(arguments: [100, 199, 300, 301, 302, 304, 400, 401, 404, 408, 409, 413, 500, 502, 504, 599])
    func otherAnswersRetryIgnoringRetryAfter(status: Int) {
        #expect(DeliveryOutcome(statusCode: status, retryAfter: 90) == .retry(retryAfter: nil))
    }

    @Test func noAnswerAtAllIsRetried() {
        #expect(DeliveryOutcome(statusCode: nil) == .retry(retryAfter: nil))
    }
}
