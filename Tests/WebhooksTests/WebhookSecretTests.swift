import Foundation
import Testing
import Webhooks

@Suite struct WebhookSecretTests {
    @Test func generatedTokenIsPrefixedBase64OfThirtyTwoBytes() throws {
        let secret = WebhookSecret.generate()
        #expect(secret.token.hasPrefix("whsec_"))
        let decoded = try #require(Data(base64Encoded: String(secret.token.dropFirst(6))))
        #expect(decoded.count == 32)
        #expect(Array(decoded) == secret.keyBytes)
    }

    @Test func generatedSecretsDiffer() {
        #expect(WebhookSecret.generate().keyBytes != WebhookSecret.generate().keyBytes)
    }

    @Test func generatorBytesBecomeTheKeyInOrder() {
        var generator = FixedGenerator(0x0807_0605_0403_0201)
        let secret = WebhookSecret.generate(using: &generator)
        #expect(secret.keyBytes == Array(repeating: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt8], count: 4).flatMap { $0 })
        #expect(secret.token == "whsec_AQIDBAUGBwgBAgMEBQYHCAECAwQFBgcIAQIDBAUGBwg=")
    }

    @Test func parsingATokenGivesBackItsKeyBytes() throws {
        let original = WebhookSecret.generate()
        let parsed = try WebhookSecret(parsing: original.token)
        #expect(parsed.keyBytes == original.keyBytes)
        #expect(parsed.token == original.token)
    }

    @Test func parsingAcceptsTheSpecificationsTwentyFourByteSecret() throws {
        let secret = try WebhookSecret(parsing: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(secret.keyBytes.count == 24)
        #expect(secret.keyBytes.prefix(3) == [0x31, 0xF2, 0x90])
    }

    @Test(arguments: [
        ("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", WebhookSecretError.missingPrefix),
        ("whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", .missingPrefix),
        ("whsec_", .invalidLength(0)),
        ("whsec_not base64!", .invalidBase64),
        ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", .invalidBase64),  // missing padding / truncated
        ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n", .invalidBase64),
        ("whsec_c2hvcnQ=", .invalidLength(5)),
        ("whsec_" + Data(repeating: 7, count: 65).base64EncodedString(), .invalidLength(65)),
        ("whsec_" + Data(repeating: 7, count: 23).base64EncodedString(), .invalidLength(23)),
    ])
    func malformedTokensAreRejected(token: String, expected: WebhookSecretError) {
        #expect(throws: expected) { try WebhookSecret(parsing: token) }
    }

    @Test func nonCanonicalBase64IsRejected() {
        // "AB==" decodes to the same byte as "AA==": accepting it would let two tokens mean one key.
        let canonical = "whsec_" + Data(repeating: 0, count: 25).base64EncodedString()
        #expect(canonical.hasSuffix("AA=="))
        let variant = String(canonical.dropLast(3)) + "B=="
        #expect((try? WebhookSecret(parsing: canonical)) != nil)
        #expect(throws: WebhookSecretError.invalidBase64) { try WebhookSecret(parsing: variant) }
    }

    @Test func urlSafeBase64IsRejected() {
        let token = "whsec_" + Data(repeating: 0xFB, count: 24).base64EncodedString()
        #expect(token.contains("+") || token.contains("/"))
        let urlSafe = token.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        #expect(throws: WebhookSecretError.invalidBase64) { try WebhookSecret(parsing: urlSafe) }
    }

    @Test func descriptionAndDumpNeverShowTheKey() {
        let secret = WebhookSecret.generate()
        var dumped = ""
        dump(secret, to: &dumped)
        let base64 = String(secret.token.dropFirst(6))
        #expect(!"\(secret)".contains(base64))
        #expect(!String(reflecting: secret).contains(base64))
        #expect(!dumped.contains(base64))
        #expect(!dumped.contains("keyBytes"))
    }
}
