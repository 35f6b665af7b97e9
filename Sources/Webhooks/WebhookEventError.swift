/// Why an event body could not be built; a programming error upstream, reported rather than
/// sent as broken JSON.
public enum WebhookEventError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `data` bytes do not start with `{` and end with `}`.
    case dataIsNotAJSONObject

    public var description: String {
        switch self {
        case .dataIsNotAJSONObject: "webhook event data must be an encoded JSON object"
        }
    }
}
