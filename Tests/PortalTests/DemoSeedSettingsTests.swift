import ClaimScoreCLI
import Claims
import Portal
import Testing

struct DemoSeedSettingsTests {
    @Test func theDemoHealthCaseHasTwoAuditLevelsAndTheExampleTariff() throws {
        let settings = try CaseSettingsLoader.decode(DemoSeed.healthSettings)
        #expect(settings.auditLevels == 2)
        #expect(settings.tariff.keys.sorted() == ["CON-0001", "DRG-0042", "DRG-0107", "LAB-0001"])
        #expect(settings.tariff["DRG-0042"]?.unitPrice == 2000 && settings.tariff["DRG-0042"]?.maxQty == 3)
        #expect(DemoSeed.reviewers.map(\.level) == [1, 2])
    }
}
