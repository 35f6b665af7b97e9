import Testing

@testable import Scoring

/// Decoding the human-written settings file: defaults, spelling, partial overrides, refusals.
struct CaseSettingsTests {
    private func decode(_ json: String) throws -> CaseSettings {
        try JSONTestCoder.decode(CaseSettings.self, json)
    }

    private func refusal(_ json: String) -> CaseSettingsError? {
        do {
            _ = try decode(json)
            return nil
        } catch let error as CaseSettingsError {
            return error
        } catch {
            Issue.record("expected a CaseSettingsError, got \(error)")
            return nil
        }
    }

    @Test("An empty object decodes to every default")
    func emptyObjectGivesDefaults() throws {
        let settings = try decode("{}")
        #expect(settings == CaseSettings())
        #expect(settings.reviewThreshold == 800)
        #expect(settings.failThreshold == 700)
        #expect(settings.encounterMaxAgeDays == 365)
        #expect(settings.check(.ipVelocity) == CheckSetting(points: 150, limit: 3, windowSeconds: 3600))
        #expect(settings.check(.householdLimit).limit == 2)
        #expect(settings.check(.fastFormFill).limit == 30)
    }

    @Test("A full snake_case settings file decodes every field")
    func snakeCaseFileDecodes() throws {
        let settings = try decode(
            """
            {"review_threshold": 850, "fail_threshold": 600,
             "checks": {"IP_VELOCITY": {"points": 200, "limit": 5, "window_seconds": 600},
                        "fast_form_fill": {"enabled": false}},
             "claim_window": {"start": 1790000000, "end": 1800000000},
             "amount_cap": 500.5,
             "blocklists": {"emails": ["a@b.co"], "domains": ["evil.org"], "ips": ["192.0.2.1"], "phones": ["+1555"]},
             "tariff": {"DRG-0042": {"unit_price": 2000, "max_qty": 3}},
             "encounter_max_age_days": 90, "audit_levels": 2}
            """)
        #expect(settings.reviewThreshold == 850)
        #expect(settings.failThreshold == 600)
        #expect(settings.check(.ipVelocity) == CheckSetting(points: 200, limit: 5, windowSeconds: 600))
        #expect(settings.check(.fastFormFill) == CheckSetting(enabled: false, points: 150, limit: 30))
        #expect(settings.claimWindow == ClaimWindow(start: 1_790_000_000, end: 1_800_000_000))
        #expect(settings.amountCap == 500.5)
        #expect(settings.blocklists.domains == ["evil.org"])
        #expect(settings.tariff == ["DRG-0042": TariffEntry(unitPrice: 2000, maxQty: 3)])
        #expect(settings.encounterMaxAgeDays == 90)
        #expect(settings.auditLevels == 2)
    }

    @Test("camelCase keys are accepted too, and an explicit null window means the whole history")
    func camelCaseAndNullWindow() throws {
        let settings = try decode(#"{"reviewThreshold": 900, "checks": {"IP_VELOCITY": {"windowSeconds": null}}}"#)
        #expect(settings.reviewThreshold == 900)
        #expect(settings.check(.ipVelocity).windowSeconds == nil)
        #expect(settings.check(.ipVelocity).limit == 3)
    }

    @Test("Settings encode to the same format and decode back unchanged")
    func settingsRoundTrip() throws {
        var settings = CaseSettings(
            reviewThreshold: 810, claimWindow: ClaimWindow(end: 5), amountCap: 10,
            blocklists: Blocklists(ips: ["192.0.2.1"]), tariff: Fixture.tariff, encounterMaxAgeDays: 10,
            auditLevels: 3)
        settings.checks[.deviceReuse] = CheckSetting(enabled: false, points: 5, limit: 1, windowSeconds: 60)
        let json = try JSONTestCoder.encode(settings)
        #expect(json.contains("\"review_threshold\":810"))
        #expect(try decode(json) == settings)
    }

    @Test(
        "Nonsense is refused with the offending field named",
        arguments: [
            (#"{"fail_threshold": 900}"#, "fail_threshold"),
            (#"{"review_threshold": 1200}"#, "review_threshold"),
            (#"{"checks": {"IP_VELOCITY": {"points": -5}}}"#, "checks.IP_VELOCITY.points"),
            (#"{"checks": {"HOUSEHOLD_LIMIT": {"limit": -1}}}"#, "checks.HOUSEHOLD_LIMIT.limit"),
            (#"{"checks": {"IP_VELOCITY": {"window_seconds": 0}}}"#, "checks.IP_VELOCITY.window_seconds"),
            (#"{"checks": {"NOT_A_CHECK": {}}}"#, "checks.NOT_A_CHECK"),
            (#"{"review_treshold": 800}"#, "review_treshold"),
            (#"{"checks": {"IP_VELOCITY": {"point": 5}}}"#, "checks.IP_VELOCITY.point"),
            (#"{"claim_window": {"start": 10, "end": 5}}"#, "claim_window"),
            (#"{"amount_cap": -1}"#, "amount_cap"),
            (#"{"tariff": {"X": {"unit_price": 10}}}"#, "tariff.X"),
            (#"{"tariff": {"X": {"unit_price": 10, "max_qty": 0}}}"#, "tariff.X.max_qty"),
            (#"{"tariff": {"X": {"unit_price": 10, "max_qty": 1000001}}}"#, "tariff.X.max_qty"),
            (#"{"tariff": {"X": {"unit_price": 1000000000001, "max_qty": 1}}}"#, "tariff.X.unit_price"),
            (#"{"checks": {"IP_VELOCITY": {"window_seconds": 1e13}}}"#, "checks.IP_VELOCITY.window_seconds"),
            (#"{"checks": {"IP_VELOCITY": {"window_seconds": 315360001}}}"#, "checks.IP_VELOCITY.window_seconds"),
            (#"{"checks": {"IP_VELOCITY": {"points": 1001}}}"#, "checks.IP_VELOCITY.points"),
            (#"{"checks": {"HOUSEHOLD_LIMIT": {"limit": 1000001}}}"#, "checks.HOUSEHOLD_LIMIT.limit"),
            (#"{"claim_window": {"start": 1e300}}"#, "claim_window.start"),
            (#"{"claim_window": {"end": -1e12}}"#, "claim_window.end"),
            (#"{"amount_cap": 1e13}"#, "amount_cap"),
            (#"{"encounter_max_age_days": 36501}"#, "encounter_max_age_days"),
            (#"{"encounter_max_age_days": 0}"#, "encounter_max_age_days"),
            (#"{"review_threshold": "high"}"#, "review_threshold"),
            (#"{"audit_levels": 4}"#, "audit_levels"),
            (#"{"audit_levels": -1}"#, "audit_levels"),
            (#"{"checks": []}"#, "checks"),
            (#"{"blocklists": {"emails": ["\#(String(repeating: "a", count: 321))"]}}"#, "blocklists.emails[0]"),
        ])
    func nonsenseIsRefused(json: String, field: String) {
        let error = refusal(json)
        #expect(error?.field == field)
    }

    @Test("A fail threshold above the review threshold is refused with a sentence an admin can act on")
    func failAboveReviewMessage() {
        let error = refusal(#"{"review_threshold": 700, "fail_threshold": 750}"#)
        #expect(error == .failAboveReview(fail: 750, review: 700))
        #expect(error?.description == "fail_threshold (750) must not be above review_threshold (700)")
    }

    @Test("Equal thresholds and zero points are allowed (no review band, a check that only reports)")
    func boundaryValuesAreAccepted() throws {
        let settings = try decode(
            #"{"review_threshold": 700, "fail_threshold": 700, "checks": {"BLOCKLISTED": {"points": 0}}}"#)
        #expect(settings.check(.blocklisted).points == 0)
    }

    @Test("validate() refuses settings built in code, too")
    func validateRefusesBuiltSettings() {
        var settings = CaseSettings()
        settings.checks[.payoutReuse] = CheckSetting(points: -1)
        #expect(
            throws: CaseSettingsError.outOfRange(field: "checks.PAYOUT_REUSE.points", allowed: "0 to 1000", value: "-1")
        ) { try settings.validate() }
        #expect(throws: Never.self) { try CaseSettings().validate() }
    }

    @Test("The largest value of every range is accepted, and window_seconds 1e13 is refused naming the key")
    func rangeEndsAreAccepted() throws {
        let settings = try decode(
            #"""
            {"checks": {"IP_VELOCITY": {"points": 1000, "limit": 1000000, "window_seconds": 315360000}},
             "claim_window": {"start": -62135596800, "end": 253402300799}, "amount_cap": 1000000000000,
             "tariff": {"X": {"unit_price": 1000000000000, "max_qty": 1000000}}, "encounter_max_age_days": 36500}
            """#)
        #expect(settings.check(.ipVelocity).windowSeconds == 315_360_000)
        let error = refusal(#"{"checks": {"IP_VELOCITY": {"window_seconds": 1e13}}}"#)
        #expect(
            error?.description.contains("checks.IP_VELOCITY") == true
                || error?.description.contains("IP_VELOCITY") == true)
        #expect(error?.description.contains("315360000") == true)
    }
}
