import Testing

@testable import App

/// The delivery thread's configuration keys (issue 5).
struct WebhookConfigTests {
    private static let key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

    @Test func deliveryDefaultsAreTheDocumentedOnes() throws {
        var config = Config()
        config.secretKey = Self.key
        #expect(config.webhookMaxInFlight == 4)
        #expect(config.webhookRetryScale == 1)
        #expect(config.webhookLeaseSeconds == 60)
        #expect(config.webhookAllowPublic)
        let options = try config.webhookDeliveryOptions()
        #expect(options.maxInFlightPerWebhook == 4)
        #expect(options.schedule.delays == [5, 300, 1800, 7200, 18000, 36000, 36000])
        #expect(options.leaseDuration == 60 && options.requestTimeout == 15)
        #expect(options.destinations.allowPublic)
    }

    @Test func deliveryKeysAreReadFromTheEnvironment() throws {
        let config = try Config.load(
            file: nil,
            environment: [
                "CLAIMSCORE_SECRET_KEY": Self.key, "CLAIMSCORE_WEBHOOK_MAX_IN_FLIGHT": "8",
                "CLAIMSCORE_WEBHOOK_RETRY_SCALE": "0.001", "CLAIMSCORE_WEBHOOK_LEASE_SECONDS": "20",
                "CLAIMSCORE_WEBHOOK_ALLOW_PUBLIC": "false", "CLAIMSCORE_WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8, ::1",
            ])
        let options = try config.webhookDeliveryOptions()
        #expect(options.maxInFlightPerWebhook == 8)
        #expect(options.schedule.delays.first == 0.005)
        #expect(options.leaseDuration == 20)
        #expect(!options.destinations.allowPublic)
        #expect(options.destinations.policy.allowList.map(\.description) == ["127.0.0.0/8", "::1/128"])
    }

    @Test(arguments: [
        ("WEBHOOK_MAX_IN_FLIGHT", "0"), ("WEBHOOK_RETRY_SCALE", "0"), ("WEBHOOK_RETRY_SCALE", "fast"),
        ("WEBHOOK_LEASE_SECONDS", "15"), ("WEBHOOK_ALLOW_PUBLIC", "maybe"),
    ])
    func badDeliveryValuesAreRefused(key: String, value: String) {
        #expect(throws: ConfigError.self) { try Config.load(file: nil, environment: ["CLAIMSCORE_" + key: value]) }
    }

    @Test func aMalformedAllowListStopsTheServerAtStartup() throws {
        var config = Config()
        config.secretKey = Self.key
        config.webhookAllowNetworks = ["127.0.0.1/8"]
        #expect(throws: ConfigError.self) { try config.webhookDeliveryOptions() }
    }
}
