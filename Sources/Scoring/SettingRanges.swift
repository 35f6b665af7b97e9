/// The documented range of every case setting (README "Limits"). `CaseSettings.validate()`
/// refuses anything outside them, at import, at save and when a case's settings are loaded, so
/// every later conversion (seconds to microseconds, days to seconds, prices times quantities)
/// stays far from overflow.
public enum SettingRanges {
    /// `review_threshold`, `fail_threshold`: a score is 0 to 1000.
    public static let threshold: ClosedRange<Int> = 0...1000
    /// `checks.*.points`: one check cannot take more than the whole score.
    public static let points: ClosedRange<Int> = 0...1000
    /// `checks.*.limit`: a count of claims or a number of seconds.
    public static let limit: ClosedRange<Int> = 0...1_000_000
    /// `checks.*.window_seconds`: above 0, at most 10 years (3650 days).
    public static let windowSeconds: ClosedRange<Double> = 0...315_360_000
    /// `claim_window.start`/`end`: Unix seconds of 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    public static let unixSeconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799
    /// `amount_cap`: the bound of every claim amount.
    public static let amount: ClosedRange<Double> = 0...1_000_000_000_000
    /// `tariff.*.unit_price`: the bound of an item's billed unit price.
    public static let unitPrice: ClosedRange<Int> = 0...1_000_000_000_000
    /// `tariff.*.max_qty`: the bound of an item's billed quantity.
    public static let quantity: ClosedRange<Int> = 1...1_000_000
    /// Tariff codes are item codes: `claim_items.code` is VARCHAR(50) (Unicode scalars).
    public static let codeScalars = 50
    /// At most this many tariff codes.
    public static let tariffEntries = 100_000
    /// At most this many entries in each blocklist, each at most `blocklistEntryScalars` long.
    public static let blocklistEntries = 10_000
    public static let blocklistEntryScalars = 320
    /// `encounter_max_age_days`: at most 100 years.
    public static let encounterMaxAgeDays: ClosedRange<Int> = 1...36_500
    /// `audit_levels`.
    public static let auditLevels: ClosedRange<Int> = 0...CaseSettings.maxAuditLevels

    static func check(_ value: Int, _ range: ClosedRange<Int>, _ field: String) throws(CaseSettingsError) {
        guard range.contains(value) else {
            throw .outOfRange(field: field, allowed: "\(range.lowerBound) to \(range.upperBound)", value: "\(value)")
        }
    }

    static func check(_ value: Double, _ range: ClosedRange<Double>, _ field: String) throws(CaseSettingsError) {
        guard value.isFinite, range.contains(value) else {
            throw .outOfRange(
                field: field, allowed: "\(text(range.lowerBound)) to \(text(range.upperBound))",
                value: "\(value)")
        }
    }

    /// `1000000000000` rather than `1e+12`, so the message can be pasted back into the file.
    static func text(_ value: Double) -> String {
        if let whole = Int64(exactly: value) { return String(whole) }
        return String(value)
    }
}
