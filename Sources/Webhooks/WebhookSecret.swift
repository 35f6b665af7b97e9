import Foundation

/// A webhook's signing token, `whsec_` + base64 of random bytes, as defined by Standard Webhooks.
/// Receivers paste it into their verifying library, so it must be in exactly that form; we sign
/// with the decoded bytes, never with the text.
public struct WebhookSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Marks the token so people and secret scanners recognise it.
    public static let prefix = "whsec_"
    /// Bytes in a newly generated secret: 256 bits, the size of the HMAC-SHA256 output.
    public static let generatedByteCount = 32
    /// Key sizes Standard Webhooks allows. Parsing accepts the whole range so secrets made by
    /// other tools (the specification's own test vector uses 24 bytes) still verify.
    public static let allowedByteCounts = 24...64

    /// The HMAC key.
    public let keyBytes: [UInt8]

    /// A fresh secret from the system's cryptographic generator, for a newly created webhook.
    public static func generate() -> WebhookSecret {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A fresh secret drawn from `generator`; only tests should pass anything but a
    /// cryptographically secure generator.
    public static func generate(using generator: inout some RandomNumberGenerator) -> WebhookSecret {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(generatedByteCount)
        while bytes.count < generatedByteCount {
            withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) }
        }
        return WebhookSecret(validatedKey: Array(bytes.prefix(generatedByteCount)))
    }

    /// Reads a token back, e.g. after decrypting it from the database. Refuses a missing prefix,
    /// anything but canonical padded standard base64, and key sizes outside 24...64 bytes, so a
    /// corrupted token fails loudly instead of signing with the wrong key.
    public init(parsing token: String) throws(WebhookSecretError) {
        guard token.hasPrefix(WebhookSecret.prefix) else { throw .missingPrefix }
        let encoded = String(token.dropFirst(WebhookSecret.prefix.count))
        guard let data = Data(base64Encoded: encoded), data.base64EncodedString() == encoded else {
            throw .invalidBase64
        }
        guard WebhookSecret.allowedByteCounts.contains(data.count) else { throw .invalidLength(data.count) }
        self.init(validatedKey: Array(data))
    }

    private init(validatedKey: [UInt8]) {
        keyBytes = validatedKey
    }

    /// The token as shown once in the portal and stored (encrypted).
    public var token: String {
        WebhookSecret.prefix + Data(keyBytes).base64EncodedString()
    }

    /// Redacted, so interpolating a secret into a log line cannot leak it.
    public var description: String { "\(WebhookSecret.prefix)… (redacted)" }

    /// Redacted for the same reason as `description`.
    public var debugDescription: String { description }

    /// No children, so `dump` and debuggers do not print the key bytes either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
