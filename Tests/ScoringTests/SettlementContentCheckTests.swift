import Testing

@testable import Scoring

/// The checks that look only at the claim itself and the case settings.
struct SettlementContentCheckTests {
    private func codes(_ change: (inout SettlementClaim) -> Void, settings: CaseSettings = CaseSettings())
        -> [DeductionCode]
    {
        var claim = Fixture.settlement()
        change(&claim)
        return Fixture.score(claim, settings: settings).codes
    }

    @Test("An address at a known disposable domain, or a subdomain of one, deducts DISPOSABLE_EMAIL")
    func disposableEmailDeducts() {
        #expect(codes { $0.email = "ada@mailinator.com" } == [.disposableEmail])
        #expect(codes { $0.email = "ada@eu.guerrillamail.com" } == [.disposableEmail])
        let result = Fixture.score(SettlementClaim(firstName: "Ada", email: "x@YOPmail.com", address: Fixture.address))
        #expect(result.deduction(.disposableEmail)?.detail == "yopmail.com is a disposable email domain")
    }

    @Test("A domain that merely contains a disposable name is not disposable")
    func lookalikeDomainIsNotDisposable() {
        #expect(codes { $0.email = "ada@notyopmail.com" }.isEmpty)
        #expect(codes { $0.email = "ada@gmail.com" }.isEmpty)
    }

    @Test("A syntactically broken email deducts MALFORMED_EMAIL (and is not also judged disposable)")
    func malformedEmailDeducts() {
        #expect(codes { $0.email = "ada@@example.com" } == [.malformedEmail])
        #expect(codes { $0.email = "ada@mailinator" } == [.malformedEmail])
        #expect(codes { $0.email = "ada obi@example.com" } == [.malformedEmail])
    }

    @Test("An unusual but valid email, or none at all, is not malformed")
    func validEmailIsNotMalformed() {
        #expect(codes { $0.email = "  O'Brien.Ada+x@sub.example.co.uk " }.isEmpty)
        #expect(codes { $0.email = nil }.isEmpty)
    }

    @Test("A phone with letters or too few digits deducts MALFORMED_PHONE")
    func malformedPhoneDeducts() {
        #expect(codes { $0.phone = "555-CALL-NOW" } == [.malformedPhone])
        #expect(codes { $0.phone = "12345" } == [.malformedPhone])
        #expect(codes { $0.phone = "+0 555 555 0123" } == [.malformedPhone])
    }

    @Test("A national phone with punctuation is not malformed")
    func nationalPhoneIsNotMalformed() {
        #expect(codes { $0.phone = "(555) 555-0123" }.isEmpty)
        #expect(codes { $0.phone = "020 7946 0958" }.isEmpty)
    }

    @Test("An address without city or postal code, or no address at all, deducts INCOMPLETE_ADDRESS")
    func incompleteAddressDeducts() {
        let withoutCity = codes { $0.address?.city = " " }
        #expect(withoutCity == [.incompleteAddress])
        let result = Fixture.score(
            SettlementClaim(
                firstName: "Ada", email: "ada@example.com", address: Address(line1: "1 Main St", country: "US")))
        #expect(result.deduction(.incompleteAddress)?.detail == "address lacks city, postal code and region")
        #expect(codes { $0.address = nil } == [.incompleteAddress])
    }

    @Test("An address with a region but no postal code is complete")
    func regionWithoutPostalCodeIsComplete() {
        let found = codes { $0.address?.postalCode = nil }
        #expect(found.isEmpty)
    }

    @Test("A form submitted 29 s after it was started is too fast; the detail gives both figures")
    func fastFormFillDeducts() {
        var claim = Fixture.settlement()
        claim.formStartedAt = Fixture.now - 39
        let result = Fixture.score(claim)
        #expect(result.codes == [.fastFormFill])
        #expect(result.deduction(.fastFormFill)?.detail == "form filled in 29 s (minimum 30 s)")
        #expect(codes { $0.formStartedAt = $0.submittedAt.map { $0 + 5 } } == [.fastFormFill])
    }

    @Test("A form submitted exactly 30 s after it was started is not too fast")
    func formFilledAtTheMinimumPasses() {
        #expect(codes { $0.formStartedAt = Fixture.now - 40 }.isEmpty)
        #expect(codes { $0.formStartedAt = nil }.isEmpty)
    }

    @Test(
        "Blank, script, headless and crawler user agents deduct AUTOMATED_USER_AGENT",
        arguments: [
            "", "   ", "curl/8.5.0", "python-requests/2.31.0", "Mozilla/5.0 HeadlessChrome/124.0", "Googlebot/2.1",
        ])
    func automatedUserAgentDeducts(agent: String) {
        #expect(codes { $0.userAgent = agent } == [.automatedUserAgent])
    }

    @Test("A mobile browser's user agent, or none sent by an integrator, is not automated")
    func browserUserAgentPasses() {
        let iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
        #expect(codes { $0.userAgent = iPhone }.isEmpty)
        #expect(codes { $0.userAgent = nil }.isEmpty)
        #expect(UserAgentClassifier.automationReason("Wget/1.21") == "contains \"wget\"")
    }

    @Test("A claim submitted before the window opened or after it closed deducts OUTSIDE_CLAIM_WINDOW")
    func outsideClaimWindowDeducts() {
        let window = CaseSettings(claimWindow: ClaimWindow(start: Fixture.now, end: Fixture.now + Fixture.day))
        var claim = Fixture.settlement()
        let early = Fixture.score(claim, settings: window)
        #expect(
            early.deduction(.outsideClaimWindow)?.detail == "submitted before the claim window opened on 2027-01-15")
        claim.submittedAt = nil  // falls back to now, which is after the end
        let late = Fixture.score(claim, settings: window, now: Fixture.now + 2 * Fixture.day)
        #expect(late.codes.contains(.outsideClaimWindow))
    }

    @Test("A claim submitted on the window's first second is inside it")
    func insideClaimWindowPasses() {
        let window = CaseSettings(claimWindow: ClaimWindow(start: Fixture.now - 10, end: Fixture.now))
        #expect(Fixture.score(Fixture.settlement(), settings: window).codes.isEmpty)
    }

    @Test(
        "Each blocklist matches its normalised value",
        arguments: [
            Blocklists(emails: ["ADA.OBI@example.com "]), Blocklists(domains: ["Example.com"]),
            Blocklists(ips: ["203.0.113.7"]), Blocklists(phones: ["555 555 0123"]),
        ])
    func blocklistDeducts(lists: Blocklists) {
        let result = Fixture.score(Fixture.settlement(), settings: CaseSettings(blocklists: lists))
        #expect(result.codes == [.blocklisted])
        #expect(result.determination == .fail)
    }

    @Test("A blocklisted domain also blocks its subdomains; the detail names what matched")
    func blocklistedSubdomainDeducts() {
        let result = Fixture.score(
            Fixture.settlement(), settings: CaseSettings(blocklists: Blocklists(domains: ["com"], ips: ["203.0.113.7"]))
        )
        #expect(result.deduction(.blocklisted)?.detail == "blocklisted ip 203.0.113.7")
        #expect(
            codes({ $0.email = "a@mx.evil.org" }, settings: CaseSettings(blocklists: Blocklists(domains: ["evil.org"])))
                == [.blocklisted])
    }

    @Test("Values close to but not on a blocklist pass")
    func nearBlocklistPasses() {
        let lists = Blocklists(
            emails: ["ada.obi@example.org"], domains: ["ample.com"], ips: ["203.0.113.70"], phones: ["555 555 0124"])
        #expect(Fixture.score(Fixture.settlement(), settings: CaseSettings(blocklists: lists)).codes.isEmpty)
    }

    @Test("An amount above the case cap deducts AMOUNT_ABOVE_CAP; the cap itself does not")
    func amountAboveCap() {
        let capped = CaseSettings(amountCap: 25)
        #expect(codes({ $0.amountClaimed = 25.01 }, settings: capped) == [.amountAboveCap])
        let detail = Fixture.score(
            SettlementClaim(firstName: "A", email: "a@example.com", address: Fixture.address, amountClaimed: 250),
            settings: capped
        ).deduction(.amountAboveCap)?.detail
        #expect(detail == "amount 250.00 is above the cap of 25.00")
        #expect(codes({ $0.amountClaimed = 25 }, settings: capped).isEmpty)
        #expect(codes { $0.amountClaimed = 1_000_000 }.isEmpty)
    }
}
