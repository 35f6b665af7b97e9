import Common
import Crypto
import Foundation

/// The random secrets of the portal: session cookie tokens, CSRF secrets, login nonces.
///
/// A cookie token is 32 random bytes in base64url; only its SHA-256 is stored, so a copy of the
/// `sessions` table cannot be replayed as a cookie.
public enum SessionToken {
    public static let byteCount = 32

    /// Fresh random bytes from the system's cryptographic generator.
    public static func randomBytes(_ count: Int = byteCount) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A new cookie token.
    public static func generate() -> String { Base64URL.encode(randomBytes()) }

    /// What the database keeps of a token.
    public static func hash(_ token: String) -> [UInt8] { Array(SHA256.hash(data: Array(token.utf8))) }

    /// True when `token` has the shape `generate` produces, so junk never reaches a query.
    public static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && Base64URL.decode(token)?.count == byteCount
    }
}
