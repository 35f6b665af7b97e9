import Testing

@testable import Scoring

/// The deduction catalogue and the shipped disposable-domain list, which others publish.
struct CatalogueTests {
    @Test("Every deduction code is SCREAMING_SNAKE, with positive default points and a one-line summary")
    func catalogueIsComplete() {
        #expect(DeductionCode.allCases.count == 23)
        for code in DeductionCode.allCases {
            #expect(code.rawValue.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }, "\(code.rawValue)")
            #expect(code.defaultPoints > 0, "\(code.rawValue)")
            #expect(code.defaultSetting.points == code.defaultPoints)
            #expect(code.summary.count > 20 && !code.summary.contains("\n"), "\(code.rawValue)")
        }
    }

    @Test("Codes named by the API contract keep their exact spelling")
    func contractCodesAreStable() {
        let names = Set(DeductionCode.allCases.map(\.rawValue))
        for name in [
            "DUPLICATE_CLAIMANT", "HOUSEHOLD_LIMIT", "NEAR_DUPLICATE_ADDRESS", "IP_VELOCITY", "DEVICE_REUSE",
            "PAYOUT_REUSE", "DISPOSABLE_EMAIL", "MALFORMED_EMAIL", "MALFORMED_PHONE", "INCOMPLETE_ADDRESS",
            "FAST_FORM_FILL", "AUTOMATED_USER_AGENT", "OUTSIDE_CLAIM_WINDOW", "BLOCKLISTED", "AMOUNT_ABOVE_CAP",
            "MALFORMED_ICD10", "DUPLICATE_ENCOUNTER", "FUTURE_ENCOUNTER", "STALE_ENCOUNTER", "BILLED_AMOUNT_MISMATCH",
            "ITEM_NOT_IN_TARIFF", "ITEM_PRICE_ABOVE_TARIFF", "ITEM_QTY_ABOVE_LIMIT",
        ] {
            #expect(names.contains(name), "\(name)")
        }
    }

    @Test("Health codes are marked health and the rest settlement")
    func codesKnowTheirCaseType() {
        let health = DeductionCode.allCases.filter { $0.claimType == .health }
        #expect(health.count == 8)
        #expect(health.first == .malformedICD10)
        #expect(DeductionCode.ipVelocity.claimType == .settlement)
    }

    @Test("The embedded disposable list holds a few hundred well-known services")
    func disposableListIsLoaded() {
        #expect(DisposableEmailDomains.all.count >= 300)
        for domain in [
            "mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com", "trashmail.com", "temp-mail.org",
        ] {
            #expect(DisposableEmailDomains.all.contains(domain), "\(domain)")
        }
    }

    @Test("The disposable list never contains a mainstream mail provider")
    func disposableListSparesMainstreamProviders() {
        for domain in [
            "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com", "icloud.com",
            "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "yandex.ru", "mail.ru",
            "qq.com", "163.com", "zoho.com", "fastmail.com", "example.com",
        ] {
            #expect(!DisposableEmailDomains.contains(domain), "\(domain)")
        }
    }

    @Test("The list parser lowercases, skips comments and blank lines, and tolerates CRLF")
    func listParsing() {
        let parsed = DisposableEmailDomains.parse(
            Array("# header\r\nMailinator.COM\r\n\n  spam.la  # inline\n#x.com\n".utf8))
        #expect(parsed == ["mailinator.com", "spam.la"])
    }

    @Test("The benchmark scores the requested claims and reports consistent figures")
    func benchmarkReports() {
        let result = runScoringBenchmark(claims: 300)
        #expect(result.claimsPerSecond > 0 && result.claimsPerSecond.isFinite)
        #expect(result.microsPerClaim > 0)
        let product = result.claimsPerSecond * result.microsPerClaim
        #expect(abs(product - 1_000_000) < 1)
    }
}
