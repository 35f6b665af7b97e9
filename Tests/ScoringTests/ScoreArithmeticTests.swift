import Testing

@testable import Scoring

/// 1000 minus deductions, the floor at 0, and how thresholds map scores to determinations.
struct ScoreArithmeticTests {
    /// A claim whose only failing check is FAST_FORM_FILL, deducting `points`.
    private func scoreWithOneDeduction(points: Int, settings base: CaseSettings = CaseSettings()) -> ScoreResult {
        var settings = base
        settings.checks[.fastFormFill] = CheckSetting(points: points, limit: 30)
        var claim = Fixture.settlement()
        claim.formStartedAt = claim.submittedAt
        return Fixture.score(claim, settings: settings)
    }

    @Test(
        "Thresholds: 800 passes, 799 is review, 700 is review, 699 fails",
        arguments: [(200, 800, Determination.pass), (201, 799, .review), (300, 700, .review), (301, 699, .fail)])
    func thresholdBoundaries(points: Int, score: Int, determination: Determination) {
        let result = scoreWithOneDeduction(points: points)
        #expect(result.score == score)
        #expect(result.determination == determination)
    }

    @Test("Thresholds come from the case settings")
    func thresholdsAreCaseSettings() {
        let strict = CaseSettings(reviewThreshold: 950, failThreshold: 900)
        #expect(scoreWithOneDeduction(points: 100, settings: strict).determination == .review)
        #expect(scoreWithOneDeduction(points: 101, settings: strict).determination == .fail)
    }

    @Test("Deductions add up and the score never goes below 0")
    func scoreIsFlooredAtZero() {
        var claim = Fixture.settlement()
        claim.email = "ada@@mailinator"
        claim.userAgent = "curl/8"
        claim.formStartedAt = claim.submittedAt
        let lists = Blocklists(ips: ["203.0.113.7"])
        let result = Fixture.score(claim, settings: CaseSettings(blocklists: lists))
        #expect(result.codes == [.malformedEmail, .fastFormFill, .automatedUserAgent, .blocklisted])
        #expect(result.deductions.map(\.points) == [100, 150, 200, 1000])
        #expect(result.score == 0)
        #expect(result.determination == .fail)
    }

    @Test("Several deductions subtract their summed points from 1000")
    func deductionsSum() {
        var claim = Fixture.settlement()
        claim.userAgent = "curl/8"
        claim.formStartedAt = claim.submittedAt
        let result = Fixture.score(claim)
        #expect(result.score == 1000 - 150 - 200)
        #expect(result.determination == .fail)
    }

    @Test("Points of a check come from the case settings, and 0 points still records the deduction")
    func pointsAreCaseSettings() {
        #expect(scoreWithOneDeduction(points: 0).score == 1000)
        #expect(scoreWithOneDeduction(points: 0).codes == [.fastFormFill])
        #expect(scoreWithOneDeduction(points: 999).score == 1)
    }

    @Test("A disabled check does not deduct")
    func disabledCheckDoesNotDeduct() {
        var settings = CaseSettings()
        settings.checks[.automatedUserAgent] = CheckSetting(enabled: false, points: 200)
        var claim = Fixture.settlement()
        claim.userAgent = "curl/8"
        #expect(Fixture.score(claim, settings: settings).codes.isEmpty)
        #expect(Fixture.score(claim).codes == [.automatedUserAgent])
    }

    @Test("A settlement claim with no email, phone or name is insufficient: no score, no deductions")
    func settlementWithoutIdentityIsInsufficient() {
        let claim = SettlementClaim(
            firstName: " ", email: "", address: Address(line1: "1 Main St"), ip: "203.0.113.7", userAgent: "curl/8")
        let result = Fixture.score(claim, settings: CaseSettings(blocklists: Blocklists(ips: ["203.0.113.7"])))
        #expect(result == ScoreResult(score: nil, determination: .insufficient))
    }

    @Test(
        "Any one of email, phone or name is enough to analyse a settlement claim",
        arguments: [
            SettlementClaim(email: "a@example.com"), SettlementClaim(phone: "+15555550123"),
            SettlementClaim(lastName: "Obi"),
        ])
    func oneIdentityFieldIsSufficient(claim: SettlementClaim) {
        let result = Fixture.score(claim)
        #expect(result.determination != .insufficient)
        #expect(result.codes == [.incompleteAddress])
    }

    @Test("The scorer never reads the clock: the same inputs give the same result")
    func scoringIsDeterministic() {
        let scorer = Fixture.scorer()
        let claim = Claim.settlement(Fixture.settlement())
        let first = scorer.score(claim, history: SignalCounts(), now: Fixture.now)
        #expect(first == scorer.score(claim, history: SignalCounts(), now: Fixture.now))
        var late = Fixture.settlement()
        late.submittedAt = nil
        let windowed = Scorer(settings: CaseSettings(claimWindow: ClaimWindow(end: Fixture.now)))
        #expect(windowed.score(.settlement(late), history: SignalCounts(), now: Fixture.now).codes.isEmpty)
        #expect(
            windowed.score(.settlement(late), history: SignalCounts(), now: Fixture.now + 1).codes == [
                .outsideClaimWindow
            ])
    }

    @Test("A score result encodes with the API's snake_case keys")
    func scoreResultEncodesSnakeCase() throws {
        let json = try JSONTestCoder.encode(Fixture.vet(Fixture.health()))
        #expect(json.contains("\"approved_amount\":5500"))
        #expect(json.contains("\"approval_status\":1"))
        #expect(json.contains("\"determination\":\"pass\""))
        let deduction = try JSONTestCoder.encode(Deduction(code: .ipVelocity, points: 150, detail: "x"))
        #expect(deduction == #"{"code":"IP_VELOCITY","detail":"x","points":150}"#)
    }
}
