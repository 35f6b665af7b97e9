/// Message ids for the `webhook-id` header: `msg_` + 27 base62 characters (about 160 random
/// bits). Receivers deduplicate on it, so it is made once per message and kept across retries
/// and resends; base62 keeps it free of the `.` that would make the signed content ambiguous.
public enum WebhookMessageID {
    /// Characters after the prefix.
    public static let randomLength = 27
    /// Marks the id as a message id.
    public static let prefix = "msg_"
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// A new id from the system's cryptographic generator.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A new id drawn from `generator` (without modulo bias); tests pass a fixed one.
    public static func generate(using generator: inout some RandomNumberGenerator) -> String {
        var id = prefix
        for _ in 0..<randomLength {
            id.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
        }
        return id
    }

    /// Whether `text` has the shape of an id made here, for checking ids read back from storage.
    public static func isValid(_ text: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let rest = text.dropFirst(prefix.count)
        return rest.count == randomLength && rest.allSatisfy { alphabet.contains($0) }
    }
}
