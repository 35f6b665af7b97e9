import Common
import Testing

@testable import API
@testable import Claims

struct TimestampTests {
    @Test func parsesUTCAndOffsetsToTheSameInstant() {
        let utc = Timestamp.parse("2026-11-22T10:04:10Z")
        #expect(utc == 1_795_341_850_000_000)
        #expect(Timestamp.parse("2026-11-22T11:04:10+01:00") == utc)
        #expect(Timestamp.parse("2026-11-22T05:34:10-04:30") == utc)
        #expect(Timestamp.parse("2026-11-22t10:04:10z") == utc)
    }

    @Test func keepsMicrosecondsAndTruncatesNanoseconds() {
        #expect(Timestamp.parse("2026-11-22T10:04:10.12Z") == 1_795_341_850_120_000)
        #expect(Timestamp.parse("2026-11-22T10:04:10.123456789Z") == 1_795_341_850_123_456)
    }

    @Test func formatsInThePilePayloadForm() {
        #expect(Timestamp.format(micros: 1_795_341_850_120_000) == "2026-11-22T10:04:10.120000Z")
        #expect(Timestamp.format(micros: 0) == "1970-01-01T00:00:00.000000Z")
        #expect(Timestamp.format(micros: -1) == "1969-12-31T23:59:59.999999Z")
        #expect(Timestamp.sql(micros: 1_795_341_850_120_000) == "2026-11-22 10:04:10.120000")
        #expect(Timestamp.fromSQL("2026-11-22 10:04:10.120000") == 1_795_341_850_120_000)
    }

    @Test func leapDaysAreValidOnlyInLeapYears() {
        #expect(Timestamp.parse("2024-02-29T00:00:00Z") != nil)
        #expect(Timestamp.parse("2026-02-29T00:00:00Z") == nil)
        #expect(Timestamp.parse("2000-02-29T00:00:00Z") != nil)
        #expect(Timestamp.parse("1900-02-29T00:00:00Z") == nil)
    }

    @Test func refusesAnythingNotRFC3339() {
        for text in [
            "2026-11-22", "2026-11-22T10:04:10", "22/11/2026 10:04", "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z",
            "2026-11-22T24:00:00Z", "2026-11-22T10:60:00Z", "2026-11-22T10:04:10.Z", "2026-11-22T10:04:10+0100",
            "yesterday", "2026-11-22T10:04:10Zjunk",
        ] {
            #expect(Timestamp.parse(text) == nil, "\(text)")
        }
    }

    @Test func roundTripsAcrossCenturies() {
        for micros: Int64 in [-2_208_988_800_000_000, 951_782_400_123_456, 4_102_444_799_999_999] {
            #expect(Timestamp.parse(Timestamp.format(micros: micros)) == micros)
        }
    }

    @Test func instantsOutsideYears0001To9999AreRefused() {
        #expect(Timestamp.parse("9999-12-31T23:59:59-23:59") == nil)
        #expect(Timestamp.parse("9999-12-31T23:59:59.999999Z") == Timestamp.maxMicros)
        #expect(Timestamp.parse("0001-01-01T00:00:00Z") == Timestamp.minMicros)
        #expect(Timestamp.parse("0001-01-01T00:00:00+00:01") == nil)
        #expect(Timestamp.parse("0000-12-31T23:30:00-01:00") == Timestamp.minMicros + 1_800_000_000)
        #expect(Timestamp.parse("0000-01-01T00:00:00Z") == nil)
    }

    @Test func formattingClampsToTheRFC3339Range() {
        #expect(Timestamp.format(micros: Timestamp.maxMicros) == "9999-12-31T23:59:59.999999Z")
        #expect(Timestamp.format(micros: .max) == "9999-12-31T23:59:59.999999Z")
        #expect(Timestamp.format(micros: .min) == "0001-01-01T00:00:00.000000Z")
    }

    @Test func signalWindowsConvertWithCheckedArithmetic() {
        let now: Int64 = 1_795_341_850_000_000
        #expect(SignalHistoryStore.windowStart(now, 3600) == now - 3_600_000_000)
        #expect(SignalHistoryStore.windowStart(now, 1e13) == Timestamp.minMicros)
        #expect(SignalHistoryStore.windowStart(now, .infinity) == Timestamp.minMicros)
        #expect(SignalHistoryStore.windowStart(now, .nan) == Timestamp.minMicros)
        #expect(SignalHistoryStore.windowStart(.min, 1) == Timestamp.minMicros)
    }
}
