import Foundation
import Testing

@testable import Tenancy

struct ApiKeyFormatTests {
    @Test func productionAndSandboxKeysHaveTheirPrefixAndLength() {
        let live = ApiKeyFormat.generate(.production)
        let test = ApiKeyFormat.generate(.sandbox)
        #expect(live.hasPrefix("cs_live_"))
        #expect(test.hasPrefix("cs_test_"))
        #expect(live.count == 46)
        #expect(test.count == 46)
        #expect(live.utf8.dropFirst(8).allSatisfy(Base62.isBase62))
    }

    @Test func generatedKeysValidateOfflineWithTheirEnvironment() {
        for _ in 0..<200 {
            #expect(ApiKeyFormat.environment(of: ApiKeyFormat.generate(.production)) == .production)
            #expect(ApiKeyFormat.environment(of: ApiKeyFormat.generate(.sandbox)) == .sandbox)
        }
    }

    @Test func checksumIsCRC32OfThePrefixAndRandomPartInBase62() {
        let body = "cs_live_" + String(repeating: "a", count: 32)
        let key = body + Base62.encode(CRC32.checksum(body.utf8), width: 6)
        #expect(ApiKeyFormat.environment(of: key) == .production)
        #expect(CRC32.checksum("123456789".utf8) == 0xCBF4_3926)  // the standard check value
        #expect(Base62.encode(0, width: 6) == "000000")
        #expect(Base62.encode(61, width: 6) == "00000z")
        #expect(Base62.encode(62, width: 6) == "000010")
        #expect(Base62.encode(UInt32.max, width: 6) == "4gfFC3")
    }

    @Test func anyChangedCharacterBreaksTheChecksum() {
        let key = Array(ApiKeyFormat.generate(.production))
        for index in 8..<key.count {
            var changed = key
            changed[index] = changed[index] == "A" ? "B" : "A"
            #expect(ApiKeyFormat.environment(of: String(changed)) == nil, "index \(index)")
        }
    }

    @Test func wrongPrefixLengthOrAlphabetIsRejected() {
        let key = ApiKeyFormat.generate(.sandbox)
        #expect(ApiKeyFormat.environment(of: "cs_prod" + key.dropFirst(7)) == nil)
        #expect(ApiKeyFormat.environment(of: String(key.dropLast())) == nil)
        #expect(ApiKeyFormat.environment(of: key + "0") == nil)
        #expect(ApiKeyFormat.environment(of: "cs_test_" + String(repeating: "-", count: 38)) == nil)
        #expect(ApiKeyFormat.environment(of: "") == nil)
    }

    @Test func hashIsSHA256AndDisplayPrefixIsShort() {
        #expect(
            ApiKeyFormat.hash("abc").map { String(format: "%02x", $0) }.joined()
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let key = ApiKeyFormat.generate(.production)
        #expect(ApiKeyFormat.displayPrefix(key) == String(key.prefix(12)))
    }

    @Test func rolesGateDeveloperToolsAuditAndReview() {
        #expect(Role.developer.canManageDeveloperTools && !Role.developer.canSeeEverything)
        #expect(!Role.viewer.canManageDeveloperTools && !Role.viewer.canReview)
        #expect(Role.reviewer.canReview && !Role.reviewer.canManageDeveloperTools)
        #expect(Role.owner.canSeeAuditLog && Role.admin.canSeeAuditLog && !Role.developer.canSeeAuditLog)
    }
}
