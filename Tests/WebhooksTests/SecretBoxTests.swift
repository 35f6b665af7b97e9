import Foundation
import Testing
import Webhooks

@Suite struct SecretBoxTests {
    static let hexKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    static let base64Key = Data((0..<32).map { UInt8($0) }).base64EncodedString()
    static let token = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    @Test func sealedSecretOpensToTheSameText() throws {
        let box = try SecretBox(key: Self.base64Key)
        let sealed = try box.seal(Self.token)
        #expect(try box.open(sealed) == Self.token)
    }

    @Test func sealedFormIsVersionNonceCiphertextAndTag() throws {
        let sealed = try SecretBox(key: Self.base64Key).seal(Self.token)
        #expect(sealed.first == 1)
        #expect(sealed.count == 1 + 12 + Self.token.utf8.count + 16)
        #expect(sealed.range(of: Data(Self.token.utf8)) == nil)
    }

    @Test func sealingTwiceUsesFreshNonces() throws {
        let box = try SecretBox(key: Self.base64Key)
        #expect(try box.seal(Self.token) != box.seal(Self.token))
    }

    @Test func hexAndBase64SpellingsOfOneKeyAreTheSameKey() throws {
        let sealed = try SecretBox(key: Self.hexKey).seal(Self.token)
        #expect(try SecretBox(key: Self.base64Key).open(sealed) == Self.token)
        #expect(try SecretBox(key: Self.hexKey.uppercased() + "\n").open(sealed) == Self.token)
    }

    @Test func wrongKeyCannotOpen() throws {
        let sealed = try SecretBox(key: Self.hexKey).seal(Self.token)
        let other = try SecretBox(keyBytes: Array(repeating: 0x42, count: 32))
        #expect(throws: SecretBoxError.cannotOpen) { try other.open(sealed) }
    }

    @Test func wrongContextCannotOpen() throws {
        let box = try SecretBox(key: Self.hexKey)
        let sealed = try box.seal(Self.token, context: "webhook 7")
        #expect(try box.open(sealed, context: "webhook 7") == Self.token)
        #expect(throws: SecretBoxError.cannotOpen) { try box.open(sealed, context: "webhook 8") }
    }

    @Test func alteredCiphertextCannotOpen() throws {
        let box = try SecretBox(key: Self.hexKey)
        var sealed = try box.seal(Self.token)
        sealed[20] ^= 0x01
        #expect(throws: SecretBoxError.cannotOpen) { try box.open(sealed) }
    }

    @Test func truncatedOrForeignDataIsRefused() throws {
        let box = try SecretBox(key: Self.hexKey)
        #expect(throws: SecretBoxError.malformed) { try box.open(Data()) }
        #expect(throws: SecretBoxError.malformed) { try box.open(Data(repeating: 1, count: 28)) }
        var sealed = try box.seal(Self.token)
        sealed[0] = 2
        #expect(throws: SecretBoxError.unsupportedVersion(2)) { try box.open(sealed) }
    }

    @Test(arguments: [
        (String(hexKey.dropLast(2)), SecretBoxError.invalidKeyEncoding),  // 62 hex digits
        (Data(repeating: 1, count: 16).base64EncodedString(), .wrongKeyLength(16)),
        (Data(repeating: 1, count: 33).base64EncodedString(), .wrongKeyLength(33)),
        ("", .wrongKeyLength(0)),
        ("not a key!", .invalidKeyEncoding),
        (String(hexKey.dropLast()) + "g", .wrongKeyLength(48)),
    ])
    func keysThatAreNotThirtyTwoBytesAreRejected(key: String, expected: SecretBoxError) {
        #expect(throws: expected) { try SecretBox(key: key) }
    }

    @Test func rawKeyBytesMustBeThirtyTwo() {
        #expect(throws: SecretBoxError.wrongKeyLength(31)) { try SecretBox(keyBytes: Array(repeating: 0, count: 31)) }
        #expect((try? SecretBox(keyBytes: Array(repeating: 0, count: 32))) != nil)
    }

    @Test func descriptionAndDumpDoNotShowTheKey() throws {
        let box = try SecretBox(keyBytes: Array(repeating: 0xAB, count: 32))
        var dumped = ""
        dump(box, to: &dumped)
        #expect(!dumped.contains("171"))
        #expect(!"\(box)".contains("171") && !"\(box)".contains("ab"))
        #expect(!String(reflecting: box).contains("171"))
    }
}
