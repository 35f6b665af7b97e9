import TestSupport
import Testing
import Webhooks

@Suite struct WebhookMessageIDTests {
    static let base62 = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    @Test func idIsMsgPrefixAndTwentySevenBase62Characters() {
        let id = WebhookMessageID.generate()
        #expect(id.hasPrefix("msg_"))
        #expect(id.count == 4 + 27)
        #expect(id.dropFirst(4).allSatisfy { Self.base62.contains($0) })
        #expect(WebhookMessageID.isValid(id))
    }

    @Test func idsDoNotRepeat() {
        let ids = Set((0..<1000).map { _ in WebhookMessageID.generate() })
        #expect(ids.count == 1000)
    }

    @Test func idsUseTheWholeAlphabet() {
        var generator = SplitMix64(seed: 42)
        let characters = Set((0..<200).flatMap { _ in WebhookMessageID.generate(using: &generator).dropFirst(4) })
        #expect(characters == Self.base62)
    }

    @Test func sameGeneratorStateGivesTheSameID() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        #expect(WebhookMessageID.generate(using: &first) == WebhookMessageID.generate(using: &second))
    }

    @Test(arguments: [
        "", "msg_",
        "msg_p5jXN8AQM9LWM0D4loKWxJek",  // the specification's example id: 24 characters, not 27
        "msg_p5jXN8AQM9LWM0D4loKWxJek123a", "evt_p5jXN8AQM9LWM0D4loKWxJek123",
        "msg_p5jXN8AQM9LWM0D4loKWx.ek123", "msg_p5jXN8AQM9LWM0D4loKWx-ek123",
    ])
    func malformedIDsAreNotValid(text: String) {
        #expect(!WebhookMessageID.isValid(text))
    }

    @Test func wellFormedIDIsValid() {
        #expect(WebhookMessageID.isValid("msg_p5jXN8AQM9LWM0D4loKWxJek123"))
    }
}
