import Database
import Logging
import Synchronization
import Testing

struct LogThrottleTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let time = Mutex(1000.0)
        func advance(_ seconds: Double) { time.withLock { $0 += seconds } }
        var now: Double { time.withLock { $0 } }
    }

    /// Keeps every line a logger writes, with its metadata.
    final class Capture: Sendable {
        let lines = Mutex<[(message: String, metadata: Logger.Metadata)]>([])

        struct Handler: LogHandler {
            let capture: Capture
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .info
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                capture.lines.withLock { $0.append((event.message.description, event.metadata ?? [:])) }
            }
        }
    }

    enum Outage: Error {
        case unavailable(String)
        case other
    }

    @Test func firstOccurrenceIsLoggedThenOneLinePerIntervalWithTheCountLeftOut() {
        let clock = ManualClock()
        let throttle = LogThrottle(interval: 10, now: { clock.now })
        #expect(throttle.admit("db down") == 0)
        for _ in 0..<2999 { #expect(throttle.admit("db down") == nil) }
        clock.advance(9.9)
        #expect(throttle.admit("db down") == nil)
        clock.advance(0.1)
        #expect(throttle.admit("db down") == 3000)
        #expect(throttle.admit("db down") == nil)
        clock.advance(10)
        #expect(throttle.admit("db down") == 1)
    }

    @Test func distinctKeysAreThrottledApart() {
        let clock = ManualClock()
        let throttle = LogThrottle(interval: 10, now: { clock.now })
        #expect(throttle.admit("a") == 0)
        #expect(throttle.admit("b") == 0)
        #expect(throttle.admit("a") == nil)
        #expect(throttle.admit("b") == nil)
    }

    @Test func keysAreBoundedAndQuietOnesForgottenFirst() {
        let clock = ManualClock()
        let throttle = LogThrottle(interval: 10, maximumKeys: 4, now: { clock.now })
        for key in ["a", "b", "c"] { #expect(throttle.admit(key) == 0) }
        clock.advance(11)
        #expect(throttle.admit("d") == 0)
        #expect(throttle.admit("e") == 0, "a, b and c were quiet and forgotten to make room")
        #expect(throttle.admit("d") == nil, "d is still remembered")
        #expect(throttle.admit("a") == 0, "a starts afresh")
    }

    @Test func anErrorsKindIsItsTypeAndCaseWithoutItsText() {
        #expect(
            LogThrottle.kind(of: Outage.unavailable("host 10.0.0.1")) == LogThrottle.kind(of: Outage.unavailable("x")))
        #expect(LogThrottle.kind(of: Outage.unavailable("x")) != LogThrottle.kind(of: Outage.other))
        #expect(LogThrottle.kind(of: Outage.other).hasSuffix("Outage.other"))
    }

    @Test func throttledLoggerWritesTheRepeatCountOnTheNextLine() {
        let clock = ManualClock()
        let throttle = LogThrottle(interval: 10, now: { clock.now })
        let capture = Capture()
        let logger = Logger(label: "test") { _ in Capture.Handler(capture: capture) }
        for _ in 0..<500 {
            logger.throttled(.warning, "database unavailable", error: Outage.unavailable("gone"), throttle: throttle)
        }
        logger.throttled(.warning, "database unavailable", error: Outage.other, throttle: throttle)
        clock.advance(10)
        logger.throttled(.warning, "database unavailable", error: Outage.unavailable("gone"), throttle: throttle)
        logger.throttled(.debug, "below the level", error: Outage.other, throttle: throttle)
        let lines = capture.lines.withLock { $0 }
        #expect(lines.count == 3)
        #expect(lines.map { $0.metadata["repeated"]?.description } == [nil, nil, "499"])
        #expect(lines.first?.metadata["error"]?.description == "unavailable(\"gone\")")
    }
}
