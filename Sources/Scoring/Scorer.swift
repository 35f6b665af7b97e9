/// The scoring and vetting engine of one case. Build it once per settings version (it
/// precomputes lookup tables and normalised blocklists) and share it across threads; every
/// call is pure: no I/O, no clock (`now` is passed in).
///
/// Use, per claim, in two phases so the database reads history in one round trip:
/// 1. `signals(for:)` → write one row per signal with the claim and `claimantKey(for:)`;
///    `lookups(for:)` → count earlier rows per lookup (same case and environment, within the
///    lookup's window, excluding the claim itself).
/// 2. `score(_:history:now:)` with those counts.
public struct Scorer: Sendable {
    /// The settings this scorer was built from.
    public let settings: CaseSettings
    /// Every code resolved to its effective setting.
    let checks: [DeductionCode: CheckSetting]
    let blockedEmails: Set<String>
    let blockedDomains: Set<String>
    let blockedIPs: Set<String>
    let blockedPhones: Set<String>
    /// Tariff with trimmed codes.
    let tariff: [String: TariffEntry]
    /// Which windows each signal kind is looked up with (only for enabled checks).
    let windows: [SignalKind: [Double?]]

    /// Signal kinds each history check reads.
    static let historyChecks: [(DeductionCode, [SignalKind])] = [
        (.duplicateClaimant, [.email, .phone, .nameAddress]),
        (.householdLimit, [.address]),
        (.nearDuplicateAddress, [.address, .street, .addressVariant]),
        (.ipVelocity, [.ip]),
        (.deviceReuse, [.device]),
        (.payoutReuse, [.payoutAccount]),
        (.duplicateEncounter, [.encounter]),
    ]

    /// `settings` should be valid (decoding guarantees it; see `CaseSettings.validate()`).
    public init(settings: CaseSettings) {
        self.settings = settings
        var checks: [DeductionCode: CheckSetting] = [:]
        for code in DeductionCode.allCases { checks[code] = settings.check(code) }
        self.checks = checks
        let lists = settings.blocklists
        blockedEmails = Set(
            lists.emails.flatMap { [Normalizer.key($0), Normalizer.email($0)?.address] }.compactMap { $0 })
        blockedDomains = Set(lists.domains.compactMap { Normalizer.key($0) })
        blockedIPs = Set(lists.ips.compactMap { Normalizer.ip($0) })
        // A 10-digit entry may be a US or Canadian number written without its country code.
        blockedPhones = Set(
            lists.phones.flatMap { [Normalizer.phone($0, country: nil), Normalizer.phone($0, country: "us")] }
                .compactMap { $0 })
        tariff = Dictionary(settings.tariff.map { (Normalizer.trimmed($0.key), $0.value) }) { first, _ in first }
        var windows: [SignalKind: [Double?]] = [:]
        for (code, kinds) in Self.historyChecks where checks[code]?.enabled == true {
            let window = checks[code]?.windowSeconds
            for kind in kinds where !(windows[kind] ?? []).contains(window) {
                windows[kind, default: []].append(window)
            }
        }
        self.windows = windows
    }

    /// The claim's normalised signals. Write them all, even for disabled checks, so enabling a
    /// check later finds history. Values are plain text; hash them before storing.
    public func signals(for claim: Claim) -> [Signal] {
        switch claim {
        case .settlement(let settlement):
            return SettlementProfile(settlement).signals
        case .health(let health):
            return Self.encounterKey(health).map { [Signal(kind: .encounter, value: $0)] } ?? []
        }
    }

    /// The history questions `score` will ask for these signals (from `signals(for:)`): answer
    /// them all in one query and hand the answers to `score` as a `ClaimHistory`.
    public func lookups(for signals: [Signal]) -> [SignalLookup] {
        var lookups: [SignalLookup] = []
        for signal in signals {
            for window in windows[signal.kind] ?? [] {
                lookups.append(SignalLookup(signal: signal, windowSeconds: window))
            }
        }
        return lookups
    }

    /// Who made the claim, stored with each signal row so the database can count distinct
    /// *other* claimants (`HistoryCount.otherClaimants`). Nil when the claim names nobody.
    public func claimantKey(for claim: Claim) -> String? {
        switch claim {
        case .settlement(let settlement): SettlementProfile(settlement).claimantKey
        case .health(let health): health.enrolleeId.map { "enrollee:\($0)" }
        }
    }

    /// Scores (settlement) or vets (health) one claim. `now` is Unix seconds of the scoring
    /// time. An `insufficient` claim has no score, no deductions and no items.
    public func score(_ claim: Claim, history: some ClaimHistory, now: Double) -> ScoreResult {
        switch claim {
        case .settlement(let settlement): scoreSettlement(settlement, history: history, now: now)
        case .health(let health): vetHealth(health, history: history, now: now)
        }
    }

    /// 1000 minus the deductions, floored at 0, and what that means under the case thresholds.
    func outcome(of deductions: [Deduction]) -> (score: Int, determination: Determination) {
        // Clamping each deduction keeps the sum far from overflow whatever the settings say.
        let total = deductions.reduce(0) { $0 + min(max($1.points, 0), 1000) }
        let score = max(0, 1000 - total)
        if score >= settings.reviewThreshold { return (score, .pass) }
        if score < settings.failThreshold { return (score, .fail) }
        return (score, .review)
    }

    /// The history count for one signal under the window of `code`.
    func count(_ kind: SignalKind, _ value: String, for code: DeductionCode, in history: some ClaimHistory)
        -> HistoryCount
    {
        count(kind, value, window: checks[code]?.windowSeconds, in: history)
    }

    func count(_ kind: SignalKind, _ value: String, window: Double?, in history: some ClaimHistory) -> HistoryCount {
        history.count(of: SignalLookup(signal: Signal(kind: kind, value: value), windowSeconds: window))
    }
}
