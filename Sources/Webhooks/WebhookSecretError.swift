/// Why a stored or pasted token is not a usable Standard Webhooks secret.
public enum WebhookSecretError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The token does not start with `whsec_`.
    case missingPrefix
    /// The part after the prefix is not canonical standard base64 (with padding).
    case invalidBase64
    /// The key decodes to this many bytes, outside 24...64.
    case invalidLength(Int)

    public var description: String {
        switch self {
        case .missingPrefix: "webhook secret must start with \(WebhookSecret.prefix)"
        case .invalidBase64: "webhook secret is not valid base64 after \(WebhookSecret.prefix)"
        case .invalidLength(let count): "webhook secret key is \(count) bytes; it must be 24 to 64"
        }
    }
}
