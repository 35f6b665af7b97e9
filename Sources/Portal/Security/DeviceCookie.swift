import Common
import Crypto
import Foundation

/// The device cookie of OWASP's "Slow down online guessing attacks with device cookies": after a
/// successful sign-in the browser gets `cs_device`, naming the user and signed with the server key.
/// A later sign-in of that user from that browser is a *trusted* attempt: it is not slowed by the
/// per-address limit nor refused by the per-account lockout an attacker can trigger, and its own
/// failures are counted against the cookie's nonce only.
///
/// Value: `v1.<user id>.<issued unix seconds>.<nonce>.<signature>`, the signature being base64url
/// HMAC-SHA256 over everything before it, keyed with SHA-256("claimscore-device-v1" + server key).
/// Nothing is stored server-side: the cookie proves itself, and the nonce names it in the counters.
public struct DeviceCookie: Sendable, Equatable {
    public static let name = "cs_device"
    /// Long-lived on purpose: a returning user should stay trusted across months of absence.
    public static let lifetimeSeconds = 365 * 24 * 3600
    /// Only the sign-in form reads it, so the browser sends it nowhere else.
    public static let path = "/login"
    private static let label = Array("claimscore-device-v1".utf8)

    public let userID: Int
    public let issuedAt: Int
    /// 16 random bytes, base64url: what the per-device failure counter is keyed by.
    public let nonce: String

    public init(userID: Int, issuedAt: Int, nonce: String) {
        self.userID = userID
        self.issuedAt = issuedAt
        self.nonce = nonce
    }

    /// A fresh cookie for a user who just signed in.
    public static func issue(userID: Int, now: Int = Int(Date().timeIntervalSince1970)) -> DeviceCookie {
        DeviceCookie(userID: userID, issuedAt: now, nonce: Base64URL.encode(SessionToken.randomBytes(16)))
    }

    /// The signed cookie value.
    public func value(serverKey: [UInt8]) -> String {
        let payload = "v1.\(userID).\(issuedAt).\(nonce)"
        return payload + "." + Self.signature(payload, serverKey: serverKey)
    }

    /// The cookie a browser sent, when its signature is the server's and it has not expired; junk,
    /// forgeries and cookies signed under another key are nil.
    public static func verify(
        _ value: String?, serverKey: [UInt8], now: Int = Int(Date().timeIntervalSince1970)
    ) -> DeviceCookie? {
        guard let value, value.utf8.count <= 200, !serverKey.isEmpty else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        // The window is computed from `now` alone: `now - issuedAt` would overflow (and trap) for
        // an issued time of Int.min sent in a forged cookie.
        guard parts.count == 5, parts[0] == "v1", let userID = Int(parts[1]), userID > 0,
            let issuedAt = Int(parts[2]), (now - lifetimeSeconds)...(now + 300) ~= issuedAt,
            Base64URL.decode(String(parts[3]))?.count == 16
        else { return nil }
        let payload = parts[0..<4].joined(separator: ".")
        let expected = signature(payload, serverKey: serverKey)
        guard ConstantTime.equal(Array(parts[4].utf8), Array(expected.utf8)) else { return nil }
        return DeviceCookie(userID: userID, issuedAt: issuedAt, nonce: String(parts[3]))
    }

    private static func signature(_ payload: String, serverKey: [UInt8]) -> String {
        let key = SymmetricKey(data: Array(SHA256.hash(data: label + serverKey)))
        return Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: Array(payload.utf8), using: key)))
    }
}
