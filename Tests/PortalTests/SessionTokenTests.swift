import Common
import Crypto
import Testing

@testable import Portal

struct SessionTokenTests {
    @Test func tokensAreRandomBase64URLOf32Bytes() {
        let first = SessionToken.generate()
        let second = SessionToken.generate()
        #expect(first != second)
        #expect(first.utf8.count == 43)
        #expect(Base64URL.decode(first)?.count == 32)
        #expect(SessionToken.isWellFormed(first))
    }

    @Test func storedFormIsTheSHA256OfTheToken() {
        let token = SessionToken.generate()
        let hash = SessionToken.hash(token)
        #expect(hash.count == 32)
        #expect(hash == Array(SHA256.hash(data: Array(token.utf8))))
        #expect(hash != Array(token.utf8.prefix(32)))
        #expect(SessionToken.hash(token) == hash)
    }

    @Test func malformedTokensAreRejectedBeforeAnyQuery() {
        #expect(!SessionToken.isWellFormed(""))
        #expect(!SessionToken.isWellFormed("' OR 1=1 --"))
        #expect(!SessionToken.isWellFormed(String(repeating: "A", count: 42)))
        #expect(!SessionToken.isWellFormed(String(repeating: "+", count: 43)))
    }

    @Test func base64URLRoundTrips() {
        for count in [0, 1, 2, 3, 31, 32, 33] {
            let bytes = SessionToken.randomBytes(count)
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test func constantTimeComparisonNeedsEqualLengthAndBytes() {
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2]))
    }
}
