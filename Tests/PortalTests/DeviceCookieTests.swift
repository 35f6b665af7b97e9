import Testing

@testable import Portal

struct DeviceCookieTests {
    let key = SessionToken.randomBytes()
    let now = 1_800_000_000

    @Test func aCookieVerifiesUnderItsServerKeyAndNamesItsUser() throws {
        let cookie = DeviceCookie.issue(userID: 42, now: now)
        let value = cookie.value(serverKey: key)
        #expect(value.hasPrefix("v1.42.\(now)."))
        let verified = try #require(DeviceCookie.verify(value, serverKey: key, now: now + 3600))
        #expect(verified == cookie)
        #expect(DeviceCookie.issue(userID: 42, now: now).nonce != cookie.nonce)
    }

    @Test func anotherKeyATamperedUserOrSignatureOrJunkIsNotTrusted() {
        let value = DeviceCookie.issue(userID: 42, now: now).value(serverKey: key)
        #expect(DeviceCookie.verify(value, serverKey: SessionToken.randomBytes(), now: now) == nil)
        #expect(
            DeviceCookie.verify(value.replacingOccurrences(of: "v1.42.", with: "v1.43."), serverKey: key, now: now)
                == nil)
        let signature = value.split(separator: ".").last.map(String.init) ?? ""
        let flipped = signature.first == "A" ? "B" + signature.dropFirst() : "A" + signature.dropFirst()
        #expect(DeviceCookie.verify(String(value.dropLast(signature.count)) + flipped, serverKey: key, now: now) == nil)
        for junk in ["", "v1", "v1.42", "v1.x.1.y.z", String(repeating: "a", count: 500), value + ".extra"] {
            #expect(DeviceCookie.verify(junk, serverKey: key, now: now) == nil)
        }
        #expect(DeviceCookie.verify(nil, serverKey: key, now: now) == nil)
        #expect(DeviceCookie.verify(value, serverKey: [], now: now) == nil)
    }

    @Test func aCookieExpiresAfterItsLifetime() {
        let value = DeviceCookie.issue(userID: 7, now: now).value(serverKey: key)
        #expect(DeviceCookie.verify(value, serverKey: key, now: now + DeviceCookie.lifetimeSeconds) != nil)
        #expect(DeviceCookie.verify(value, serverKey: key, now: now + DeviceCookie.lifetimeSeconds + 1) == nil)
        #expect(DeviceCookie.verify(value, serverKey: key, now: now - 3600) == nil)
    }

    /// A forged issue time at either end of Int is refused, not an overflow that kills the worker.
    @Test func anIssueTimeAtTheEndsOfIntIsRefusedWithoutATrap() {
        let nonce = "AAAAAAAAAAAAAAAAAAAAAA"  // 16 bytes in base64url
        for issued in [Int.min, Int.min + 1, Int.max, Int.max - 1] {
            #expect(DeviceCookie.verify("v1.42.\(issued).\(nonce).c2ln", serverKey: key, now: now) == nil)
        }
    }
}
