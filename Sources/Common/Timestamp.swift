#if canImport(Glibc)
    import Glibc
#endif

/// RFC 3339 timestamps as Unix microseconds: strict parsing, one output form
/// (`2026-11-22T10:04:10.120000Z`, the form of the pile webhook payload).
public enum Timestamp {
    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z: the instants RFC 3339's four-digit
    /// years can write. `parse` refuses anything outside, so every echoed timestamp is valid.
    public static let minMicros: Int64 = -62_135_596_800_000_000
    public static let maxMicros: Int64 = 253_402_300_799_999_999

    /// Microseconds since the epoch, or nil when the text is not an RFC 3339 date-time.
    public static func parse(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        guard b.count >= 20, b.count <= 40 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<start + count {
                guard i < b.count, (48...57).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == 45, let month = digits(5, 2), b[7] == 45, let day = digits(8, 2),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == 32,
            let hour = digits(11, 2), b[13] == 58, let minute = digits(14, 2), b[16] == 58,
            let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24,
            minute < 60, second < 61
        else { return nil }
        var index = 19
        var micros = 0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var count = 0
            while index < b.count, (48...57).contains(b[index]) {
                if count < 6 { micros = micros * 10 + Int(b[index] - 48) }
                count += 1
                index += 1
            }
            guard count > 0, count <= 9 else { return nil }
            if count < 6 {
                for _ in count..<6 { micros *= 10 }
            }
        }
        guard index < b.count else { return nil }
        var offsetSeconds = 0
        if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") {
            index += 1
        } else if b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-") {
            let sign = b[index] == UInt8(ascii: "-") ? -1 : 1
            guard let oh = digits(index + 1, 2), index + 3 < b.count, b[index + 3] == 58,
                let om = digits(index + 4, 2), oh < 24, om < 60
            else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
            index += 6
        } else {
            return nil
        }
        guard index == b.count else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offsetSeconds)
        let instant = seconds * 1_000_000 + Int64(micros)
        return (minMicros...maxMicros).contains(instant) ? instant : nil
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` in UTC (`fractionDigits` 1 to 6 digits of the second,
    /// truncated); instants outside years 0001–9999 are clamped to the nearest end, so the output
    /// is always RFC 3339.
    public static func format(micros: Int64, fractionDigits: Int = 6) -> String {
        let (seconds, fraction) = floorDivide(min(max(micros, minMicros), maxMicros), 1_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = CivilDate.civil(fromDays: Int(days))
        let hour = Int(secondOfDay / 3600)
        let minute = Int(secondOfDay % 3600 / 60)
        let second = Int(secondOfDay % 60)
        let digits = min(max(fractionDigits, 1), 6)
        var divisor = 1
        for _ in digits..<6 { divisor *= 10 }
        return String(zeroPadded: year, width: 4) + "-" + String(zeroPadded: month, width: 2) + "-"
            + String(zeroPadded: day, width: 2) + "T" + String(zeroPadded: hour, width: 2) + ":"
            + String(zeroPadded: minute, width: 2) + ":" + String(zeroPadded: second, width: 2) + "."
            + String(zeroPadded: Int(fraction) / divisor, width: digits) + "Z"
    }

    /// The same moment as MariaDB `DATETIME(6)` text (UTC sessions).
    public static func sql(micros: Int64) -> String {
        let text = format(micros: micros)
        return text.prefix(10) + " " + text.dropFirst(11).dropLast()
    }

    /// Parses MariaDB `DATETIME(6)` text (`2026-11-22 10:04:10.120000`) as UTC.
    public static func fromSQL(_ text: String) -> Int64? { parse(text + "Z") }

    public static func nowMicros() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec / 1000)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b
        let r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
