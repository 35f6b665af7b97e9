import Common

/// Small formatters for deduction details, written out so the engine needs no Foundation.
enum DetailFormat {
    /// "1 h", "30 min", "90 s", "2 d": the units people read a window in.
    static func duration(_ seconds: Double) -> String {
        let whole = nearest(seconds)
        if whole >= 86_400 && whole % 86_400 == 0 { return "\(whole / 86_400) d" }
        if whole >= 3600 && whole % 3600 == 0 { return "\(whole / 3600) h" }
        if whole >= 60 && whole % 60 == 0 { return "\(whole / 60) min" }
        return "\(whole) s"
    }

    /// Two decimals, e.g. "12500.00"; out-of-range values fall back to Swift's description.
    static func amount(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let cents = nearest(abs(value) * 100)
        let fraction = cents % 100
        return (value < 0 && cents > 0 ? "-" : "") + "\(cents / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// "YYYY-MM-DD" (UTC) of Unix seconds, by the civil-from-days algorithm (H. Hinnant).
    static func date(_ unixSeconds: Double) -> String {
        guard unixSeconds.isFinite, abs(unixSeconds) < 1e13 else { return "\(unixSeconds)" }
        let (year, month, day) = CivilDate.civil(fromDays: Int(floor(unixSeconds / 86_400)))
        return String(zeroPadded: year, width: 4) + "-" + String(zeroPadded: month, width: 2) + "-"
            + String(zeroPadded: day, width: 2)
    }

    /// "1 claim", "3 claims".
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    /// At most `limit` characters, so a hostile value cannot bloat a detail.
    static func clipped(_ value: String, _ limit: Int = 64) -> String {
        value.count <= limit ? value : String(value.prefix(limit - 1)) + "…"
    }

    /// Floor and round-half-up by integer conversion: `Double.rounded` calls libm, which the
    /// engine would then have to link (it imports nothing). Callers keep values within Int range.
    static func floor(_ value: Double) -> Int {
        guard value.isFinite, abs(value) < 9e18 else { return 0 }
        let truncated = Int(value)
        return Double(truncated) > value ? truncated - 1 : truncated
    }

    static func nearest(_ value: Double) -> Int {
        floor(value + 0.5)
    }
}
