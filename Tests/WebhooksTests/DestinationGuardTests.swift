import Testing
import Webhooks

@Suite struct DestinationGuardTests {
    let loopbackOnly = DestinationGuard(policy: try! AddressPolicy(allowList: "127.0.0.0/8"), allowPublic: false)
    let production = DestinationGuard(policy: AddressPolicy())

    private func reason(_ result: Result<WebhookURL, DestinationGuard.Refusal>) -> String? {
        if case .failure(let refusal) = result { return refusal.reason }
        return nil
    }

    @Test func withPublicTurnedOffHostNamesAreRefusedWithoutResolving() {
        let reason = reason(loopbackOnly.check(url: "https://hooks.example.com/x"))
        #expect(reason?.hasPrefix("refused: hooks.example.com is a host name") == true)
        #expect(reason?.contains("not resolved") == true)
    }

    @Test func withPublicTurnedOffOnlyAllowListedAddressesPass() {
        #expect(reason(loopbackOnly.check(url: "http://127.0.0.1:9000/h")) == nil)
        #expect(reason(loopbackOnly.check(url: "http://localhost:9000/h")) == nil)
        #expect(
            reason(loopbackOnly.check(url: "http://93.184.216.34/h"))?.contains("not in webhook_allow_networks") == true
        )
        #expect(loopbackOnly.check(address: IPAddress("127.0.0.9")!) == .allowed)
        #expect(loopbackOnly.check(address: IPAddress("::ffff:127.0.0.1")!) == .allowed)
        #expect(loopbackOnly.check(address: IPAddress("8.8.8.8")!) != .allowed)
    }

    @Test func inProductionPublicAddressesPassAndPrivateOnesAreRefused() {
        #expect(reason(production.check(url: "https://hooks.example.com/x")) == nil)
        #expect(production.check(address: IPAddress("93.184.216.34")!) == .allowed)
        #expect(
            production.check(address: IPAddress("10.1.2.3")!)
                == .refused(reason: "refused: 10.1.2.3 is a private address"))
        #expect(reason(production.check(url: "http://169.254.169.254/latest"))?.contains("link-local") == true)
    }

    @Test func aStoredURLThatNoLongerParsesIsRefusedWithTheFormsMessage() {
        #expect(
            reason(production.check(url: "ftp://example.com/")) == "refused: URL must start with http:// or https://")
    }
}
