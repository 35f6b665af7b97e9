import App
import Testing

/// `pile_retry_scale`: the pile worker's back-off multiplier, bounded like the webhook one.
struct PileRetryScaleConfigTests {
    @Test func pileRetryScaleDefaultsToOneAndRefusesZeroNegativeAndHuge() throws {
        #expect(Config().pileRetryScale == 1)
        #expect(
            try Config.load(file: nil, environment: ["CLAIMSCORE_PILE_RETRY_SCALE": "0.001"]).pileRetryScale == 0.001)
        for bad in ["0", "-1", "101", "fast"] {
            #expect(throws: ConfigError.invalid("pile_retry_scale", bad, "a number greater than 0 and at most 100")) {
                try Config.load(file: nil, environment: ["CLAIMSCORE_PILE_RETRY_SCALE": bad])
            }
        }
    }
}
