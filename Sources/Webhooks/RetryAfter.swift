import Common
import Foundation

/// Reads a `Retry-After` header (RFC 9110 §10.2.3): either delay seconds or an HTTP-date.
///
/// `DeliveryOutcome` wants seconds, so the date form is turned into a delay here, against the
/// sender's clock. Anything unreadable gives nil and the ordinary schedule applies: a receiver's
/// typo must not stall a delivery, nor make it retry at once.
public enum RetryAfter {
    /// The delay in seconds the header asks for, or nil when it is missing or malformed. A date in
    /// the past gives a delay of 0 or less, which `RetrySchedule` ignores.
    public static func seconds(_ value: String?, now: Date) -> TimeInterval? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.allSatisfy(\.isASCIIDigit) {
            guard text.count <= 10, let seconds = Int(text) else { return nil }
            return TimeInterval(seconds)
        }
        guard let date = httpDate(text) else { return nil }
        return date.timeIntervalSince(now)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The IMF-fixdate form only (`Sun, 06 Nov 1994 08:49:37 GMT`), which is the one senders must
    /// produce; the obsolete RFC 850 and asctime forms are treated as malformed.
    static func httpDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT",
            parts[1].count == 2, let day = Int(parts[1]), (1...31).contains(day),
            let monthIndex = months.firstIndex(of: String(parts[2])),
            parts[3].count == 4, let year = Int(parts[3]), year >= 1970
        else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
            hour < 24, minute < 60, second < 61
        else { return nil }
        let days = CivilDate.days(year: year, month: monthIndex + 1, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
