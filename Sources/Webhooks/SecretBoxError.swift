/// Why a secret could not be sealed or opened; the configuration cases stop the server at
/// startup, the others mark one unreadable row.
public enum SecretBoxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The configured key is neither 64 hex digits nor base64.
    case invalidKeyEncoding
    /// The configured key decodes to this many bytes instead of 32.
    case wrongKeyLength(Int)
    /// The stored value is too short to be a sealed secret.
    case malformed
    /// The stored value was written by a format this code does not know.
    case unsupportedVersion(UInt8)
    /// Wrong key, wrong context, or altered bytes.
    case cannotOpen
    /// The cryptographic library refused to encrypt (not expected in practice).
    case sealingFailed

    public var description: String {
        switch self {
        case .invalidKeyEncoding: "secret encryption key must be 64 hex digits or base64 of 32 bytes"
        case .wrongKeyLength(let count): "secret encryption key is \(count) bytes; it must be 32"
        case .malformed: "stored secret is too short to be encrypted data"
        case .unsupportedVersion(let version): "stored secret has unknown format version \(version)"
        case .cannotOpen: "stored secret cannot be decrypted (wrong key, or the data was altered)"
        case .sealingFailed: "secret could not be encrypted"
        }
    }
}
