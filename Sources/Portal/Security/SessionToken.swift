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

/// Unpadded base64url (RFC 4648 §5): safe in cookies, form fields and URLs without escaping.
public enum Base64URL {
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy({ Base64URL.isAlphabet($0) }) else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.utf8.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }

    private static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
