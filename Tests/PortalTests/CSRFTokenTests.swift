import Common
import Testing

@testable import Portal

struct CSRFTokenTests {
    @Test func sessionTokenVerifiesOnlyForItsOwnSecret() {
        let secret = SessionToken.randomBytes()
        let other = SessionToken.randomBytes()
        let token = CSRFToken.token(secret: secret)
        #expect(CSRFToken.verify(token, secret: secret))
        #expect(!CSRFToken.verify(token, secret: other))
        #expect(!CSRFToken.verify(nil, secret: secret))
        #expect(!CSRFToken.verify("", secret: secret))
        #expect(!CSRFToken.verify(String(token.dropLast()) + "A", secret: secret) || token.hasSuffix("A"))
    }

    @Test func tokenIsStableForASessionAndURLSafe() {
        let secret = SessionToken.randomBytes()
        #expect(CSRFToken.token(secret: secret) == CSRFToken.token(secret: secret))
        #expect(CSRFToken.token(secret: secret).utf8.count == 43)
        #expect(!CSRFToken.token(secret: secret).contains { "+/=".contains($0) })
    }

    @Test func emptySecretNeverVerifies() {
        #expect(!CSRFToken.verify(CSRFToken.token(secret: []), secret: []))
    }

    @Test func loginTokenIsBoundToNonceAndServerKey() {
        let key = SessionToken.randomBytes()
        let nonce = SessionToken.generate()
        let token = CSRFToken.loginToken(nonce: nonce, serverKey: key)
        #expect(CSRFToken.verifyLogin(token, nonce: nonce, serverKey: key))
        #expect(!CSRFToken.verifyLogin(token, nonce: SessionToken.generate(), serverKey: key))
        #expect(!CSRFToken.verifyLogin(token, nonce: nonce, serverKey: SessionToken.randomBytes()))
        #expect(!CSRFToken.verifyLogin(token, nonce: nil, serverKey: key))
        #expect(!CSRFToken.verifyLogin(token, nonce: "short", serverKey: key))
    }

    @Test func sessionAndLoginTokensDiffer() {
        let bytes = SessionToken.randomBytes()
        #expect(
            CSRFToken.token(secret: bytes) != CSRFToken.loginToken(nonce: Base64URL.encode(bytes), serverKey: bytes))
    }
}
