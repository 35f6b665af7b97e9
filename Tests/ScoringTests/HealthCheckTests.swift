import Testing

@testable import Scoring

/// Claim-level health checks: diagnoses, encounters and the billed total.
struct HealthCheckTests {
    private func codes(_ change: (inout HealthClaim) -> Void) -> [DeductionCode] {
        var claim = Fixture.health()
        change(&claim)
        return Fixture.vet(claim).codes
    }

    @Test("A diagnosis code that is not ICD-10 shaped deducts MALFORMED_ICD10 and names it")
    func malformedICD10Deducts() {
        var claim = Fixture.health()
        claim.diagnoses.append(Diagnosis(name: "Fever", icdCode: "U07.1X"))
        claim.diagnoses.append(Diagnosis(name: "Cough", icdCode: "R5"))
        let result = Fixture.vet(claim)
        #expect(result.codes == [.malformedICD10])
        #expect(result.deduction(.malformedICD10)?.detail == "malformed ICD-10 code: U07.1X, R5")
    }

    @Test("Well-formed ICD-10 codes, lowercase or without the dot, and missing codes pass")
    func wellFormedICD10Passes() {
        let found = codes {
            $0.diagnoses = [
                Diagnosis(icdCode: "b54"), Diagnosis(icdCode: "A01.0"), Diagnosis(icdCode: "S52521A"),
                Diagnosis(icdCode: "O9A.11"), Diagnosis(name: "Unknown", icdCode: nil),
            ]
        }
        #expect(found.isEmpty)
    }

    @Test("An earlier claim for the same enrollee, provider and day is a duplicate encounter")
    func duplicateEncounterDeducts() {
        let scorer = Fixture.scorer()
        var history = RecordedHistory(scorer: scorer)
        history.record(.health(Fixture.health()))
        var again = Fixture.health()
        again.encounterDate = again.encounterDate.map { $0 + 3600 }  // same day, other hour
        again.providerCode = "other code, same provider id"
        let result = history.score(.health(again))
        #expect(result.codes == [.duplicateEncounter])
        #expect(
            result.deduction(.duplicateEncounter)?.detail == "1 earlier claim for the same enrollee, provider and date")
    }

    @Test("Another day, enrollee or provider is not a duplicate encounter")
    func differentEncounterPasses() {
        var history = RecordedHistory(scorer: Fixture.scorer())
        history.record(.health(Fixture.health()))
        var nextDay = Fixture.health()
        nextDay.encounterDate = nextDay.encounterDate.map { $0 + Fixture.day }
        var otherEnrollee = Fixture.health()
        otherEnrollee.enrolleeId = 99813
        var otherProvider = Fixture.health()
        otherProvider.providerId = 18
        for claim in [nextDay, otherEnrollee, otherProvider] {
            #expect(history.score(.health(claim)).codes.isEmpty)
        }
    }

    @Test("An encounter more than a day in the future deducts FUTURE_ENCOUNTER")
    func futureEncounterDeducts() {
        let found = codes { $0.encounterDate = Fixture.now + 2 * Fixture.day }
        #expect(found == [.futureEncounter])
    }

    @Test("An encounter later today (time-zone grace) is not in the future")
    func encounterTodayPasses() {
        let found = codes { $0.encounterDate = Fixture.now + 3600 }
        #expect(found.isEmpty)
    }

    @Test("An encounter older than encounter_max_age_days deducts STALE_ENCOUNTER with its age")
    func staleEncounterDeducts() {
        var claim = Fixture.health()
        claim.encounterDate = Fixture.now - 366 * Fixture.day
        let result = Fixture.vet(claim)
        #expect(result.codes == [.staleEncounter])
        #expect(result.deduction(.staleEncounter)?.detail == "encounter date 2026-01-14 is 366 days old (maximum 365)")
    }

    @Test("An encounter exactly encounter_max_age_days old is not stale; the limit is a case setting")
    func encounterAtMaxAgePasses() {
        #expect(codes { $0.encounterDate = Fixture.now - 365 * Fixture.day }.isEmpty)
        var settings = CaseSettings(tariff: Fixture.tariff)
        settings.encounterMaxAgeDays = 30
        var claim = Fixture.health()
        claim.encounterDate = Fixture.now - 31 * Fixture.day
        #expect(Fixture.vet(claim, settings: settings).codes == [.staleEncounter])
    }

    @Test("A billed amount that differs from the items' sum by more than 0.005 deducts BILLED_AMOUNT_MISMATCH")
    func billedAmountMismatchDeducts() {
        var claim = Fixture.health()
        claim.billedAmount = 12500
        let result = Fixture.vet(claim)
        #expect(result.codes == [.billedAmountMismatch])
        #expect(result.deduction(.billedAmountMismatch)?.detail == "billed 12500.00 but the items sum to 5500.00")
        #expect(codes { $0.billedAmount = 5500.01 } == [.billedAmountMismatch])
    }

    @Test("A billed amount within 0.005 of the items' sum, or none, matches")
    func billedAmountWithinTolerancePasses() {
        #expect(codes { $0.billedAmount = 5500.004 }.isEmpty)
        #expect(codes { $0.billedAmount = nil }.isEmpty)
    }

    @Test(
        "A health claim without items, enrollee, provider or encounter date is insufficient",
        arguments: [
            { (claim: inout HealthClaim) in claim.items = [] },
            { (claim: inout HealthClaim) in claim.enrolleeId = nil },
            { (claim: inout HealthClaim) in claim.encounterDate = nil },
            { (claim: inout HealthClaim) in
                claim.providerId = nil
                claim.providerCode = " "
            },
        ] as [@Sendable (inout HealthClaim) -> Void])
    func insufficientHealthClaim(change: @Sendable (inout HealthClaim) -> Void) {
        var claim = Fixture.health()
        change(&claim)
        claim.billedAmount = 1  // would be a mismatch if analysed
        let result = Fixture.vet(claim)
        #expect(result == ScoreResult.insufficient)
        #expect(result.score == nil)
    }

    @Test("A provider code alone is enough provider identity to analyse the claim")
    func providerCodeAloneIsSufficient() {
        var claim = Fixture.health()
        claim.providerId = nil
        #expect(Fixture.vet(claim).determination == .pass)
        #expect(Scorer.encounterKey(claim) == "99812|c:slc-017|2027-01-05")
    }
}
