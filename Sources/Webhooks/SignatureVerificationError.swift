/// Why a delivery failed verification; distinct cases so a receiver's log can tell a clock
/// problem from a wrong secret.
public enum SignatureVerificationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `webhook-timestamp` is not a plain non-negative integer.
    case invalidTimestamp
    /// The timestamp is older than the tolerance allows (a possible replay).
    case timestampTooOld
    /// The timestamp is further in the future than the tolerance allows.
    case timestampTooNew
    /// No `v1` signature in the header matches the body under this secret.
    case noMatchingSignature

    public var description: String {
        switch self {
        case .invalidTimestamp: "webhook-timestamp is not a Unix time in seconds"
        case .timestampTooOld: "webhook-timestamp is too old"
        case .timestampTooNew: "webhook-timestamp is too far in the future"
        case .noMatchingSignature: "no webhook-signature matches the body"
        }
    }
}
