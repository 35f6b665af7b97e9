import Testing

@testable import Portal

struct PasswordHasherTests {
    /// Cheap parameters keep the suite fast; the format and the check are the same at any cost.
    let hasher = PasswordHasher(rounds: 1 << 10, blockSize: 8, parallelism: 1)

    @Test func hashIsSelfDescribingScrypt() throws {
        let stored = try hasher.hash("correct horse battery staple")
        let parts = stored.split(separator: "$")
        #expect(parts.count == 6)
        #expect(parts[0] == "scrypt")
        #expect(parts[1] == "1024" && parts[2] == "8" && parts[3] == "1")
        #expect(!stored.contains("correct horse"))
    }

    @Test func rightPasswordVerifiesWrongOneDoesNot() throws {
        let stored = try hasher.hash("correct horse battery staple")
        #expect(PasswordHasher.verify("correct horse battery staple", against: stored))
        #expect(!PasswordHasher.verify("correct horse battery stapler", against: stored))
        #expect(!PasswordHasher.verify("", against: stored))
    }

    @Test func samePasswordGetsADifferentSaltEachTime() throws {
        #expect(try hasher.hash("same password") != hasher.hash("same password"))
    }

    @Test func hashesMadeWithOtherParametersStillVerify() throws {
        let stronger = PasswordHasher(rounds: 1 << 11, blockSize: 4, parallelism: 2)
        let stored = try stronger.hash("pässwörd ✓")
        #expect(PasswordHasher.verify("pässwörd ✓", against: stored))
    }

    @Test func matchesTheRFC7914TestVector() throws {
        // scrypt("password", "NaCl", N=1024, r=8, p=16, 64 bytes), RFC 7914 §12.
        let salt = "TmFDbA=="
        let expected =
            "/bq+HJ00cgB4VucZDQHp/nxq18vII3gw53N2Y0s3MWIurzDZLiKjiG/xCSedmDDaxyevuUqD7m2DYMvfoswGQA=="
        #expect(PasswordHasher.verify("password", against: "scrypt$1024$8$16$\(salt)$\(expected)"))
    }

    @Test func malformedOrAbusiveStoredValuesNeverMatch() {
        #expect(!PasswordHasher.verify("x", against: ""))
        #expect(!PasswordHasher.verify("x", against: "bcrypt$10$abc"))
        #expect(!PasswordHasher.verify("x", against: "scrypt$1000$8$1$AAAA$AAAA"))  // N not a power of two
        #expect(!PasswordHasher.verify("x", against: "scrypt$1073741824$8$1$AAAA$AAAA"))  // N too large
        #expect(!PasswordHasher.verify("x", against: "scrypt$1024$8$1$!!!!$AAAA"))
    }
}
