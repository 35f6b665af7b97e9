import Foundation
import Testing
import Webhooks

@Suite struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test func delaySecondsAreReadAsIs() {
        #expect(RetryAfter.seconds("120", now: Self.now) == 120)
        #expect(RetryAfter.seconds(" 0 ", now: Self.now) == 0)
    }

    @Test func anHTTPDateBecomesTheDelayUntilThen() {
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:50:07 GMT", now: Self.now) == 30)
        #expect(RetryAfter.seconds("Mon, 07 Nov 1994 08:49:37 GMT", now: Self.now) == 86_400)
    }

    @Test func aDateInThePastGivesNoPositiveDelay() throws {
        let delay = try #require(RetryAfter.seconds("Sun, 06 Nov 1994 08:48:37 GMT", now: Self.now))
        #expect(delay < 0)
    }

    @Test(arguments: [
        nil, "", "soon", "-5", "1.5", "12345678901", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun, 06 Nov 1994",
    ])
    func malformedValuesAreIgnored(value: String?) {
        #expect(RetryAfter.seconds(value, now: Self.now) == nil)
    }
}
