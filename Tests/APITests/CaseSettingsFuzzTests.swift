import Common
import HTTP
import Scoring
import TestSupport
import Testing

@testable import API
@testable import Claims

/// The settings document with random and adversarial values in every slot, from a fixed seed:
/// it is refused with a `CaseSettingsError` naming a key, or it is accepted and then every
/// conversion it feeds (signal windows, claim window, encounter age, tariff products, scoring a
/// settlement and a health claim) runs without a trap.
struct CaseSettingsFuzzTests {
    static let values = [
        "0", "-1", "1", "0.5", "1e13", "-1e13", "1e308", "-1e308", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "315360000", "315360001", "253402300799", "253402300800", "1000000000000",
        "1000001", "36500", "36501", "3", "4", "null", "true", "\"x\"", "[]", "{}",
    ]
    static let template = """
        {"review_threshold": $, "fail_threshold": $, "amount_cap": $, "encounter_max_age_days": $,
         "audit_levels": $, "claim_window": {"start": $, "end": $},
         "checks": {"IP_VELOCITY": {"points": $, "limit": $, "window_seconds": $},
                    "FAST_FORM_FILL": {"limit": $}, "STALE_ENCOUNTER": {"points": $}},
         "tariff": {"DRG-0042": {"unit_price": $, "max_qty": $}}}
        """

    @Test func randomSettingsAreRefusedNamingAKeyOrScoreWithoutATrap() throws {
        var random = SplitMix64(seed: 0x5E77_1465)
        let settlement = Claim.settlement(
            SettlementClaim(
                firstName: "Ada", lastName: "Obi", email: "ada@example.com", ip: "203.0.113.7",
                formStartedAt: 1_795_341_000, submittedAt: 1_795_341_850, amountClaimed: 25))
        var health = HealthClaim()
        health.encounterDate = 1_795_000_000
        health.items = [HealthItem(code: "DRG-0042", unitPriceBilled: 1_000_000_000_000, qtyBilled: 1_000_000)]
        var accepted = 0
        var refused = 0
        for _ in 0..<3_000 {
            var json = ""
            for character in Self.template {
                if character == "$" {
                    // Mostly sensible values so some documents pass and reach the engine.
                    json += random.next() % 8 == 0 ? (Self.values.randomElement(using: &random) ?? "0") : "1"
                } else {
                    json.append(character)
                }
            }
            do {
                let settings = try CaseSettingsLoader.decode(json)
                accepted += 1
                for code in DeductionCode.allCases {
                    if let window = settings.check(code).windowSeconds {
                        #expect(SignalHistoryStore.windowStart(1_795_341_850_000_000, window) >= Timestamp.minMicros)
                    }
                }
                let scorer = Scorer(settings: settings)
                for claim in [settlement, Claim.health(health)] {
                    _ = scorer.score(claim, history: SignalCounts(), now: 1_795_341_900)
                }
            } catch {
                refused += 1
                #expect(!error.field.isEmpty && !error.description.isEmpty)
            }
        }
        print("settings fuzz: \(accepted) accepted, \(refused) refused")
        #expect(accepted > 0 && refused > 0)
    }

    @Test(arguments: ["", "[]", "null", "{", "{\"checks\": {\"IP_VELOCITY\": 5}}", "{\"tariff\": {\"\": 1}}"])
    func malformedDocumentsAreRefusedWithAKey(_ json: String) {
        #expect(throws: CaseSettingsError.self) { try CaseSettingsLoader.decode(json) }
    }
}
