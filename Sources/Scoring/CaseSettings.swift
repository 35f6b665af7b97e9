/// Everything a case can tune about scoring and vetting. Every field has a default, so `{}` is
/// a valid settings file and a case only writes down what it changes.
///
/// The JSON format (snake_case keys; camelCase is accepted too; unknown keys are refused so a
/// typo cannot silently leave a default in force):
/// ```json
/// {
///   "review_threshold": 800,
///   "fail_threshold": 700,
///   "checks": {
///     "IP_VELOCITY": {"points": 200, "limit": 5, "window_seconds": 600},
///     "FAST_FORM_FILL": {"enabled": false}
///   },
///   "claim_window": {"start": 1790000000, "end": 1800000000},
///   "amount_cap": 500.0,
///   "blocklists": {"emails": [], "domains": ["example.org"], "ips": [], "phones": []},
///   "tariff": {"DRG-0042": {"unit_price": 2000, "max_qty": 3}},
///   "encounter_max_age_days": 365,
///   "audit_levels": 2
/// }
/// ```
/// A check entry may give only some fields; the rest come from `DeductionCode.defaultSetting`.
/// Times are Unix seconds. Decoding validates (see `validate()`) and throws `CaseSettingsError`.
public struct CaseSettings: Sendable, Codable, Equatable {
    /// Scores at or above this pass.
    public var reviewThreshold: Int
    /// Scores below this fail; between the two, review.
    public var failThreshold: Int
    /// Overrides only; `check(_:)` resolves the rest from the catalogue defaults.
    public var checks: [DeductionCode: CheckSetting]
    /// OUTSIDE_CLAIM_WINDOW compares `submittedAt` (else `now`) with it; open by default.
    public var claimWindow: ClaimWindow
    /// Highest `amount_claimed` that does not trigger AMOUNT_ABOVE_CAP; nil means no cap.
    public var amountCap: Double?
    /// Values that deduct BLOCKLISTED.
    public var blocklists: Blocklists
    /// Tariff code → price and quantity limits. An empty tariff skips the item checks (items
    /// are approved as billed) so a case without a tariff yet does not reject everything.
    public var tariff: [String: TariffEntry]
    /// Encounters older than this many days trigger STALE_ENCOUNTER.
    public var encounterMaxAgeDays: Int
    /// How many reviewer sign-offs (0 to 3) each claim of a pile needs after auto-vetting
    /// before the pile is 'Vetting Done'. Real-time claims are not audited.
    public var auditLevels: Int

    /// The most audit levels a case may ask for.
    public static let maxAuditLevels = 3

    public init(
        reviewThreshold: Int = 800, failThreshold: Int = 700, checks: [DeductionCode: CheckSetting] = [:],
        claimWindow: ClaimWindow = ClaimWindow(), amountCap: Double? = nil, blocklists: Blocklists = Blocklists(),
        tariff: [String: TariffEntry] = [:], encounterMaxAgeDays: Int = 365, auditLevels: Int = 0
    ) {
        self.reviewThreshold = reviewThreshold
        self.failThreshold = failThreshold
        self.checks = checks
        self.claimWindow = claimWindow
        self.amountCap = amountCap
        self.blocklists = blocklists
        self.tariff = tariff
        self.encounterMaxAgeDays = encounterMaxAgeDays
        self.auditLevels = auditLevels
    }

    /// The effective setting of a check: the case's override, else the catalogue default.
    public func check(_ code: DeductionCode) -> CheckSetting {
        checks[code] ?? code.defaultSetting
    }

    /// Refuses settings that cannot mean anything sensible or lie outside `SettingRanges`.
    /// Decoding calls it; call it yourself on settings built in code before trusting them.
    public func validate() throws(CaseSettingsError) {
        for (field, value) in [("review_threshold", reviewThreshold), ("fail_threshold", failThreshold)]
        where !SettingRanges.threshold.contains(value) {
            throw .thresholdOutOfRange(field: field, value: value)
        }
        if failThreshold > reviewThreshold {
            throw .failAboveReview(fail: failThreshold, review: reviewThreshold)
        }
        for code in DeductionCode.allCases {
            guard let setting = checks[code] else { continue }
            let path = "checks.\(code.rawValue)"
            try SettingRanges.check(setting.points, SettingRanges.points, "\(path).points")
            if let limit = setting.limit { try SettingRanges.check(limit, SettingRanges.limit, "\(path).limit") }
            if let window = setting.windowSeconds, !(window > 0 && window <= SettingRanges.windowSeconds.upperBound) {
                throw .nonPositiveWindow(code, window)
            }
        }
        try validateWindowAndLists()
        try validateTariff()
        try SettingRanges.check(encounterMaxAgeDays, SettingRanges.encounterMaxAgeDays, "encounter_max_age_days")
        if !SettingRanges.auditLevels.contains(auditLevels) { throw .auditLevelsOutOfRange(auditLevels) }
    }

    private func validateWindowAndLists() throws(CaseSettingsError) {
        if let start = claimWindow.start {
            try SettingRanges.check(start, SettingRanges.unixSeconds, "claim_window.start")
        }
        if let end = claimWindow.end { try SettingRanges.check(end, SettingRanges.unixSeconds, "claim_window.end") }
        if let start = claimWindow.start, let end = claimWindow.end, end < start {
            throw .claimWindowReversed(start: start, end: end)
        }
        if let cap = amountCap { try SettingRanges.check(cap, SettingRanges.amount, "amount_cap") }
        let lists = [
            ("emails", blocklists.emails), ("domains", blocklists.domains), ("ips", blocklists.ips),
            ("phones", blocklists.phones),
        ]
        for (name, list) in lists {
            try SettingRanges.check(list.count, 0...SettingRanges.blocklistEntries, "blocklists.\(name)")
            for (index, entry) in list.enumerated() {
                try SettingRanges.check(
                    entry.unicodeScalars.count, 0...SettingRanges.blocklistEntryScalars,
                    "blocklists.\(name)[\(index)]")
            }
        }
    }

    private func validateTariff() throws(CaseSettingsError) {
        try SettingRanges.check(tariff.count, 0...SettingRanges.tariffEntries, "tariff")
        for (code, entry) in tariff.sorted(by: { $0.key < $1.key }) {
            if code.isEmpty { throw .invalidTariffEntry(code: code, reason: "the code is empty") }
            if code.unicodeScalars.count > SettingRanges.codeScalars {
                throw .invalidTariffEntry(
                    code: code, reason: "the code must be at most \(SettingRanges.codeScalars) characters")
            }
            try SettingRanges.check(entry.unitPrice, SettingRanges.unitPrice, "tariff.\(code).unit_price")
            try SettingRanges.check(entry.maxQty, SettingRanges.quantity, "tariff.\(code).max_qty")
        }
    }
}
