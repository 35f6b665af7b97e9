import Common
import Crypto

/// CSRF tokens for the portal's forms.
///
/// Signed-in forms carry HMAC-SHA256(session csrf_secret, "claimscore-csrf-v1"): the secret lives
/// only in the `sessions` row, so a token is worthless for any other session and needs no storage
/// of its own. The sign-in form has no session yet; it carries HMAC(server key, login nonce), where
/// the nonce is in a short-lived HttpOnly cookie (a signed double submit).
public enum CSRFToken {
    /// The name of the hidden field every form carries.
    public static let fieldName = "csrf_token"
    private static let label = Array("claimscore-csrf-v1".utf8)
    private static let loginLabel = Array("claimscore-login-csrf-v1".utf8)

    /// The token for a session's forms.
    public static func token(secret: [UInt8]) -> String {
        Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: label, using: SymmetricKey(data: secret))))
    }

    /// True when `submitted` is the session's token (compared in constant time).
    public static func verify(_ submitted: String?, secret: [UInt8]) -> Bool {
        guard let submitted, !secret.isEmpty else { return false }
        return ConstantTime.equal(Array(submitted.utf8), Array(token(secret: secret).utf8))
    }

    /// The sign-in form's token for a login nonce, keyed by the server's secret key.
    public static func loginToken(nonce: String, serverKey: [UInt8]) -> String {
        let key = SymmetricKey(data: Array(SHA256.hash(data: loginLabel + serverKey)))
        return Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: Array(nonce.utf8), using: key)))
    }

    public static func verifyLogin(_ submitted: String?, nonce: String?, serverKey: [UInt8]) -> Bool {
        guard let submitted, let nonce, SessionToken.isWellFormed(nonce) else { return false }
        return ConstantTime.equal(Array(submitted.utf8), Array(loginToken(nonce: nonce, serverKey: serverKey).utf8))
    }
}
