import Foundation

/// RFC 3339 timestamps of a `Date` in UTC with milliseconds (`2026-11-22T10:04:10.120Z`), the
/// form of webhook headers and delivery-log sentences; computed by `Timestamp`, so the output does
/// not depend on locale, calendar settings or the platform's formatter.
public enum RFC3339 {
    /// Dates outside years 0001–9999 (only a corrupt stored time could be) are clamped to them,
    /// so the output is RFC 3339 and the conversion cannot trap.
    public static func format(_ date: Date) -> String {
        let milliseconds = Int64(
            min(max((date.timeIntervalSince1970 * 1000).rounded(), -62_135_596_800_000), 253_402_300_799_999))
        return Timestamp.format(micros: milliseconds * 1000, fractionDigits: 3)
    }
}
