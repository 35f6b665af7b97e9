@testable import Scoring

/// Claims and settings the suites start from: a clean claim scores 1000, and each test changes
/// one thing so the deduction it expects can only come from that change.
enum Fixture {
    /// 2027-01-15 08:00 UTC.
    static let now = 1_800_000_000.0
    static let day = 86_400.0

    static let address = Address(
        line1: "1 Main Street", line2: "Apt 4", city: "Springfield", region: "IL", postalCode: "62701", country: "US")

    static func settlement() -> SettlementClaim {
        SettlementClaim(
            firstName: "Ada", lastName: "Obi", email: "ada.obi@example.com", phone: "+1 555 555 0123",
            address: address, payoutMethod: "ach", payoutAccountHash: "9F86D081884C7D65", ip: "203.0.113.7",
            userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
            formStartedAt: now - 250, submittedAt: now - 10, deviceId: "d-81f2", source: "email-campaign-3",
            amountClaimed: 25)
    }

    static let tariff = [
        "DRG-0042": TariffEntry(unitPrice: 2000, maxQty: 3),
        "LAB-0007": TariffEntry(unitPrice: 1500, maxQty: 1),
    ]

    static func health() -> HealthClaim {
        HealthClaim(
            providerId: 17, providerCode: "SLC-017", enrolleeId: 99812, encounterDate: now - 10 * day,
            billedAmount: 5500, diagnoses: [Diagnosis(name: "Malaria", icdCode: "B54")],
            items: [
                HealthItem(
                    ref: "it-1", description: "Artemether/Lumefantrine", code: "DRG-0042", unitPriceBilled: 2000,
                    qtyBilled: 2),
                HealthItem(
                    ref: "it-2", description: "Malaria RDT", code: "LAB-0007", unitPriceBilled: 1500, qtyBilled: 1),
            ])
    }

    static func scorer(_ settings: CaseSettings = CaseSettings(tariff: tariff)) -> Scorer {
        Scorer(settings: settings)
    }

    static func score(
        _ claim: SettlementClaim, settings: CaseSettings = CaseSettings(), history: some ClaimHistory = SignalCounts(),
        now: Double = now
    ) -> ScoreResult {
        Scorer(settings: settings).score(.settlement(claim), history: history, now: now)
    }

    static func vet(
        _ claim: HealthClaim, settings: CaseSettings = CaseSettings(tariff: tariff),
        history: some ClaimHistory = SignalCounts(), now: Double = now
    ) -> ScoreResult {
        Scorer(settings: settings).score(.health(claim), history: history, now: now)
    }

    static func settings(_ code: DeductionCode, points: Int? = nil, limit: Int? = nil, window: Double? = nil)
        -> CaseSettings
    {
        var setting = code.defaultSetting
        if let points { setting.points = points }
        if let limit { setting.limit = limit }
        if let window { setting.windowSeconds = window }
        return CaseSettings(checks: [code: setting], tariff: tariff)
    }
}

extension ScoreResult {
    var codes: [DeductionCode] { deductions.map(\.code) }

    func deduction(_ code: DeductionCode) -> Deduction? {
        deductions.first { $0.code == code }
    }
}
