import Testing

@testable import Scoring

/// The checks that read history, driven through `RecordedHistory` so signals, lookups and
/// scoring are exercised together.
struct SettlementHistoryCheckTests {
    let scorer = Fixture.scorer()

    private func other(_ change: (inout SettlementClaim) -> Void = { _ in }) -> SettlementClaim {
        var claim = SettlementClaim(
            firstName: "Grace", lastName: "Hopper", email: "grace@example.net", phone: "+44 20 7946 0958",
            address: Address(line1: "99 Elm Road", city: "Shelbyville", postalCode: "62565", country: "US"),
            payoutAccountHash: "other-account", ip: "198.51.100.20", deviceId: "d-other")
        change(&claim)
        return claim
    }

    /// Someone else living at `other()`'s address, with their own contact, device and account.
    private func member(_ name: String) -> SettlementClaim {
        other {
            $0.firstName = name
            $0.email = "\(name)@example.net"
            $0.phone = nil
            $0.deviceId = "d-\(name)"
            $0.payoutAccountHash = "account-\(name)"
        }
    }

    @Test("A clean claim with no history scores 1000 and passes")
    func cleanClaimPasses() {
        var history = RecordedHistory(scorer: scorer)
        let result = history.score(.settlement(Fixture.settlement()))
        #expect(result == ScoreResult(score: 1000, determination: .pass))
    }

    @Test("The same Gmail address with dots and a +tag is a duplicate claimant")
    func duplicateEmailDeducts() {
        var history = RecordedHistory(scorer: scorer)
        var first = Fixture.settlement()
        first.email = "ada.obi+claims@googlemail.com"
        history.record(.settlement(first))
        var second = other()
        second.email = "AdaObi@gmail.com"
        let result = history.score(.settlement(second))
        #expect(result.codes == [.duplicateClaimant])
        #expect(result.deduction(.duplicateClaimant)?.detail == "earlier claims with the same email (1)")
        #expect(result.score == 600)
    }

    @Test("A different email, phone and name at another address is not a duplicate")
    func distinctClaimantIsNotDuplicate() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(Fixture.settlement()))
        #expect(history.score(.settlement(other())).codes.isEmpty)
    }

    @Test("The same phone written differently is a duplicate claimant")
    func duplicatePhoneDeducts() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(Fixture.settlement()))
        let second = other {
            $0.phone = "(555) 555-0123"
            $0.address?.country = "US"
        }
        #expect(history.score(.settlement(second)).codes == [.duplicateClaimant])
    }

    @Test("The same name at the same address with new email and phone is a duplicate claimant")
    func duplicateNameAndAddressDeducts() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(Fixture.settlement()))
        var second = Fixture.settlement()
        second.firstName = "OBI"
        second.lastName = "ada"
        second.email = "new@example.org"
        second.phone = "+44 20 7946 0000"
        second.ip = "198.51.100.9"
        second.deviceId = "d-new"
        second.payoutAccountHash = "new-account"
        let result = history.score(.settlement(second))
        #expect(result.deduction(.duplicateClaimant)?.detail == "earlier claims with the same name and address (1)")
    }

    @Test("Duplicate claimant tolerates earlier claims up to its limit")
    func duplicateClaimantLimitIsRespected() {
        let scorer = Scorer(settings: Fixture.settings(.duplicateClaimant, limit: 1))
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(Fixture.settlement()))
        #expect(!history.score(.settlement(Fixture.settlement())).codes.contains(.duplicateClaimant))
        history.record(.settlement(Fixture.settlement()))
        #expect(history.score(.settlement(Fixture.settlement())).codes.contains(.duplicateClaimant))
    }

    @Test("A third claim from one address exceeds the household limit of 2")
    func householdLimitDeducts() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(member("Ben")))
        history.record(.settlement(member("Cy")))
        let result = history.score(.settlement(member("Di")))
        #expect(result.codes == [.householdLimit])
        #expect(result.deduction(.householdLimit)?.detail == "3 claims at the same address (limit 2)")
    }

    @Test("A second claim from one address is within the household limit")
    func householdWithinLimitPasses() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(member("Ben")))
        #expect(history.score(.settlement(member("Di"))).codes.isEmpty)
    }

    @Test("Another claimant at an address one character away is a near duplicate")
    func nearDuplicateOneCharacterDeducts() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(other()))
        let neighbour = Fixture.settlement()  // different person
        var typo = neighbour
        typo.address = Address(line1: "99 Elmm Road", city: "Shelbyville", postalCode: "62565", country: "US")
        let result = history.score(.settlement(typo))
        #expect(result.codes == [.nearDuplicateAddress])
        #expect(
            result.deduction(.nearDuplicateAddress)?.detail
                == "1 other claimant at an address one character or unit away")
    }

    @Test("Another claimant at the same street but a different unit is a near duplicate")
    func nearDuplicateUnitDeducts() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(other { $0.address?.line2 = "Unit 7" }))
        var claim = Fixture.settlement()
        claim.address = Address(line1: "99 Elm Rd #12", city: "Shelbyville", postalCode: "62565", country: "US")
        #expect(history.score(.settlement(claim)).codes == [.nearDuplicateAddress])
    }

    @Test("Another claimant at exactly the same address is a household member, not a near duplicate")
    func sameAddressIsNotNearDuplicate() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(other()))
        var claim = Fixture.settlement()
        claim.address = Address(line1: "99 Elm Road", city: "Shelbyville", postalCode: "62565", country: "USA")
        #expect(history.score(.settlement(claim)).codes.isEmpty)
    }

    @Test("An address two characters away, or the same claimant's own variant, is not a near duplicate")
    func nearDuplicateNearMisses() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(other()))
        var far = Fixture.settlement()
        far.address = Address(line1: "88 Elm Road", city: "Shelbyville", postalCode: "62565", country: "US")
        #expect(history.score(.settlement(far)).codes.isEmpty)
        let sameClaimantTypo = other { $0.address?.line1 = "99 Elmm Road" }
        #expect(!history.score(.settlement(sameClaimantTypo)).codes.contains(.nearDuplicateAddress))
    }

    @Test("A fourth claim from one IP within an hour is IP velocity; the detail says how many and where")
    func ipVelocityDeducts() {
        var history = RecordedHistory(scorer: scorer)
        for index in 0..<3 {
            history.record(
                .settlement(
                    other {
                        $0.email = "p\(index)@example.net"; $0.ip = "203.0.113.7"
                    }), at: Fixture.now - 600)
        }
        let result = history.score(.settlement(Fixture.settlement()))
        #expect(result.codes == [.ipVelocity])
        #expect(
            result.deduction(.ipVelocity)
                == Deduction(code: .ipVelocity, points: 150, detail: "4 claims from 203.0.113.7 in 1 h"))
    }

    @Test("Claims from the IP older than the window do not count toward IP velocity")
    func ipVelocityWindowExcludesOldClaims() {
        var history = RecordedHistory(scorer: scorer)
        for index in 0..<3 {
            let at = index == 0 ? Fixture.now - 7200 : Fixture.now - 600
            history.record(
                .settlement(
                    other {
                        $0.email = "p\(index)@example.net"; $0.ip = "203.0.113.7"
                    }), at: at)
        }
        #expect(history.score(.settlement(Fixture.settlement())).codes.isEmpty)
    }

    @Test("A device id used by another claimant is device reuse")
    func deviceReuseDeducts() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(other { $0.deviceId = "D-81F2" }))
        let result = history.score(.settlement(Fixture.settlement()))
        #expect(result.codes == [.deviceReuse])
        #expect(result.deduction(.deviceReuse)?.detail == "device d-81f2 used by 1 other claimant")
    }

    @Test("The same claimant on the same device again is not device reuse")
    func sameClaimantSameDeviceIsNotReuse() {
        var history = RecordedHistory(scorer: Fixture.scorer(Fixture.settings(.duplicateClaimant, limit: 5)))
        history.record(.settlement(Fixture.settlement()))
        #expect(history.score(.settlement(Fixture.settlement())).codes.isEmpty)
    }

    @Test("A payout account used by another claimant is payout reuse")
    func payoutReuseDeducts() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(other { $0.payoutAccountHash = "9f86d081884c7d65" }))
        #expect(history.score(.settlement(Fixture.settlement())).codes == [.payoutReuse])
    }

    @Test("Another claimant's different payout account is not payout reuse")
    func differentPayoutIsNotReuse() {
        var history = RecordedHistory(scorer: scorer)
        history.record(.settlement(other { $0.payoutAccountHash = "9f86d081884c7d66" }))
        #expect(history.score(.settlement(Fixture.settlement())).codes.isEmpty)
    }
}
