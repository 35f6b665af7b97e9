import Testing

@testable import Scoring

/// Signal generation: normalisation, near-duplicate keys, lookups and claimant keys.
struct SignalTests {
    let scorer = Fixture.scorer()

    private func values(_ kind: SignalKind, _ claim: SettlementClaim) -> [String] {
        scorer.signals(for: .settlement(claim)).filter { $0.kind == kind }.map(\.value)
    }

    private func claim(_ change: (inout SettlementClaim) -> Void) -> SettlementClaim {
        var claim = Fixture.settlement()
        change(&claim)
        return claim
    }

    @Test("The fixture claim yields exactly the expected normalised signals")
    func fixtureSignals() {
        let fixture = Fixture.settlement()
        #expect(values(.email, fixture) == ["ada.obi@example.com"])
        #expect(values(.phone, fixture) == ["15555550123"])
        #expect(values(.nameAddress, fixture) == ["ada obi|1 main st unit 4|62701|us"])
        #expect(values(.address, fixture) == ["1 main st unit 4|62701|us"])
        #expect(values(.street, fixture) == ["1 main st|62701|us"])
        #expect(values(.ip, fixture) == ["203.0.113.7"])
        #expect(values(.device, fixture) == ["d-81f2"])
        #expect(values(.payoutAccount, fixture) == ["9f86d081884c7d65"])
        #expect(values(.addressVariant, fixture).first == "1mainstunit4|62701|us")
        #expect(values(.addressVariant, fixture).count == 13)  // intact + 12 deletions
    }

    @Test(
        "Email normalisation: case, spaces, +tags everywhere, dots only for Gmail",
        arguments: [
            (" Ada.Obi+promo@GoogleMail.com ", "adaobi@gmail.com"), ("a.d.a@gmail.com", "ada@gmail.com"),
            ("ada.obi+x@example.com", "ada.obi@example.com"), ("+only@example.com", "+only@example.com"),
        ])
    func emailNormalisation(raw: String, expected: String) {
        #expect(values(.email, claim { $0.email = raw }) == [expected])
    }

    @Test(
        "Phone normalisation: one key for the spellings of one number",
        arguments: ["+1 (555) 555-0123", "555.555.0123", "001 555 555 0123", "+15555550123"])
    func phoneNormalisation(raw: String) {
        #expect(values(.phone, claim { $0.phone = raw }) == ["15555550123"])
    }

    @Test("A national number outside North America keeps its digits as written")
    func nonNANPPhoneKeepsDigits() {
        let found = values(
            .phone,
            claim {
                $0.phone = "020 7946 0958"; $0.address?.country = "GB"
            })
        #expect(found == ["02079460958"])
    }

    @Test("Name order, case and punctuation do not change the name key")
    func nameNormalisation() {
        #expect(Normalizer.name(first: "OBI,", last: " ada") == Normalizer.name(first: "Ada", last: "Obi"))
        #expect(Normalizer.name(first: "José", last: "GARCÍA") == "garcía josé")
        #expect(Normalizer.name(first: " ", last: nil) == nil)
    }

    @Test("Street words, unit spellings and country names normalise to one address key")
    func addressSpellingsShareKey() {
        let spellings = [
            Address(line1: "1 Main Street", line2: "Apt 4", city: "X", postalCode: "62701", country: "US"),
            Address(line1: "1 MAIN ST. #4", city: "X", postalCode: "627 01", country: "United States"),
            Address(line1: "1 main st", line2: "Apartment 4", city: "X", postalCode: "62701", country: "usa"),
            Address(line1: "1 Main St Apt #4", city: "Y", postalCode: "62701", country: "US"),
            Address(line1: "1 Main St", line2: "4", city: "X", postalCode: "62701", country: "US"),
        ]
        let keys = Set(spellings.compactMap { NormalizedAddress($0)?.key })
        #expect(keys == ["1 main st unit 4|62701|us"])
    }

    @Test("Without postal code the city places the address; without either there is no address key")
    func addressNeedsPlace() {
        #expect(
            NormalizedAddress(Address(line1: "1 Main St", city: "Spring Field"))?.key == "1 main st|c:spring field|")
        #expect(NormalizedAddress(Address(line1: "1 Main St")) == nil)
        #expect(NormalizedAddress(Address(city: "X", postalCode: "1")) == nil)
    }

    @Test(
        "Addresses one insertion, deletion, substitution or adjacent swap apart share a variant key",
        arguments: [
            ("12 Main St", "12 Mian St"), ("12 Main St", "12 Maine St"), ("12 Main St", "2 Main St"),
            ("12 Main St", "13 Main St"), ("12 Main St", "21 Main St"),
        ])
    func oneEditApartShareVariant(lhs: String, rhs: String) throws {
        let left = try #require(NormalizedAddress(Address(line1: lhs, postalCode: "62701", country: "US")))
        let right = try #require(NormalizedAddress(Address(line1: rhs, postalCode: "62701", country: "US")))
        #expect(!Set(left.variants).isDisjoint(with: right.variants))
        #expect(left.key != right.key)
    }

    @Test(
        "Addresses two edits apart, or in another postal code, share no variant key",
        arguments: [
            ("12 Main St", "34 Main St", "62701"), ("12 Main St", "12 Moon St", "62701"),
            ("12 Main St", "12 Main St", "62702"),
        ])
    func twoEditsApartShareNothing(lhs: String, rhs: String, postal: String) throws {
        let left = try #require(NormalizedAddress(Address(line1: lhs, postalCode: "62701", country: "US")))
        let right = try #require(NormalizedAddress(Address(line1: rhs, postalCode: postal, country: "US")))
        #expect(Set(left.variants).isDisjoint(with: right.variants))
    }

    @Test("Flats of one building share the street key but not the address key")
    func unitsShareStreetKey() throws {
        let four = try #require(
            NormalizedAddress(Address(line1: "1 Main St", line2: "Apt 4", postalCode: "1", country: "US")))
        let nine = try #require(NormalizedAddress(Address(line1: "1 Main St Suite 9", postalCode: "1", country: "US")))
        #expect(four.streetKey == nine.streetKey)
        #expect(four.key != nine.key)
    }

    @Test("Very long streets give a bounded number of variant keys")
    func variantsAreBounded() throws {
        let long = String(repeating: "abcdefghij ", count: 20)
        let address = try #require(NormalizedAddress(Address(line1: long, postalCode: "1")))
        #expect(address.variants.count == NormalizedAddress.maxVariantLength + 1)
    }

    @Test("Lookups ask each enabled history check's window, and none for disabled checks")
    func lookupsFollowSettings() {
        var settings = CaseSettings()
        settings.checks[.nearDuplicateAddress] = CheckSetting(points: 100, limit: 0, windowSeconds: 86_400)
        settings.checks[.deviceReuse] = CheckSetting(enabled: false, points: 200)
        let scorer = Scorer(settings: settings)
        let signals = scorer.signals(for: .settlement(Fixture.settlement()))
        let lookups = scorer.lookups(for: signals)
        let address = Signal(kind: .address, value: "1 main st unit 4|62701|us")
        #expect(lookups.filter { $0.signal == address }.map(\.windowSeconds) == [nil, 86_400])
        #expect(lookups.contains(SignalLookup(signal: Signal(kind: .ip, value: "203.0.113.7"), windowSeconds: 3600)))
        #expect(!lookups.contains { $0.signal.kind == .device })
        #expect(signals.contains { $0.kind == .device })
    }

    @Test("The claimant key prefers email, then phone, then name and address")
    func claimantKeyPreference() {
        #expect(scorer.claimantKey(for: .settlement(Fixture.settlement())) == "email:ada.obi@example.com")
        #expect(scorer.claimantKey(for: .settlement(claim { $0.email = nil })) == "phone:15555550123")
        let nameOnly = claim {
            $0.email = nil
            $0.phone = nil
        }
        #expect(scorer.claimantKey(for: .settlement(nameOnly)) == "name:ada obi|1 main st unit 4|62701|us")
        #expect(scorer.claimantKey(for: .health(Fixture.health())) == "enrollee:99812")
    }

    @Test("A health claim's only signal is its encounter")
    func healthSignals() {
        #expect(
            scorer.signals(for: .health(Fixture.health())) == [Signal(kind: .encounter, value: "99812|17|2027-01-05")])
    }

    @Test("Signal kind raw values are the stored contract")
    func signalKindRawValues() {
        #expect(
            SignalKind.allCases.map(\.rawValue) == [
                "email", "phone", "name_address", "address", "address_variant", "street", "ip", "device",
                "payout_account", "encounter",
            ])
    }
}
