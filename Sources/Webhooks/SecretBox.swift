import Crypto
import Foundation

/// Encrypts webhook signing secrets for storage. They must stay readable (we sign with them and
/// the portal shows them), so they cannot be hashed; AES-256-GCM under a key from the server's
/// configuration keeps a database dump from handing them out.
///
/// Stored form: `0x01 ‖ nonce (12) ‖ ciphertext ‖ tag (16)`. The leading version byte lets a later
/// key rotation or algorithm change recognise old rows.
public struct SecretBox: Sendable, CustomStringConvertible, CustomReflectable {
    /// AES-256: the configuration must provide exactly this many key bytes.
    public static let keyByteCount = 32
    static let formatVersion: UInt8 = 1
    static let nonceByteCount = 12
    static let tagByteCount = 16

    private let key: [UInt8]

    /// Reads the key as written in the configuration: 64 hex digits or standard base64 of 32
    /// bytes (surrounding whitespace, such as a newline from a key file, is ignored). Any other
    /// length is refused, so a truncated key never becomes a weaker one.
    public init(key text: String) throws(SecretBoxError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.utf8.count == SecretBox.keyByteCount * 2, let bytes = SecretBox.hexBytes(trimmed) {
            try self.init(keyBytes: bytes)
        } else if let data = Data(base64Encoded: trimmed) {
            try self.init(keyBytes: Array(data))
        } else {
            throw .invalidKeyEncoding
        }
    }

    /// Uses raw key bytes, which must be exactly 32.
    public init(keyBytes: [UInt8]) throws(SecretBoxError) {
        guard keyBytes.count == SecretBox.keyByteCount else { throw .wrongKeyLength(keyBytes.count) }
        key = keyBytes
    }

    /// Encrypts `plaintext` with a fresh random nonce.
    ///
    /// `context` is authenticated but not stored (e.g. the webhook's id): a sealed value copied
    /// onto another row then fails to open. Pass the same context to `open`.
    public func seal(_ plaintext: String, context: String = "") throws(SecretBoxError) -> Data {
        let box: AES.GCM.SealedBox
        do {
            box = try AES.GCM.seal(
                Array(plaintext.utf8), using: SymmetricKey(data: key), authenticating: Array(context.utf8))
        } catch {
            throw .sealingFailed
        }
        var stored = Data([SecretBox.formatVersion])
        stored.append(contentsOf: box.nonce)
        stored.append(box.ciphertext)
        stored.append(box.tag)
        return stored
    }

    /// Decrypts a value made by `seal`. A wrong key, wrong context or altered bytes all give
    /// `.cannotOpen`: GCM cannot tell them apart, and guessing would only mislead.
    public func open(_ stored: Data, context: String = "") throws(SecretBoxError) -> String {
        let bytes = Array(stored)
        guard bytes.count >= 1 + SecretBox.nonceByteCount + SecretBox.tagByteCount else { throw .malformed }
        guard bytes[0] == SecretBox.formatVersion else { throw .unsupportedVersion(bytes[0]) }
        let nonceEnd = 1 + SecretBox.nonceByteCount
        let tagStart = bytes.count - SecretBox.tagByteCount
        let plaintext: Data
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: bytes[1..<nonceEnd]),
                ciphertext: bytes[nonceEnd..<tagStart],
                tag: bytes[tagStart...])
            plaintext = try AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: Array(context.utf8))
        } catch {
            throw .cannotOpen
        }
        guard let text = String(validating: plaintext, as: UTF8.self) else { throw .cannotOpen }
        return text
    }

    /// Redacted, so logging the configuration cannot print the key.
    public var description: String { "SecretBox(key: redacted)" }

    /// No children, so `dump` and debuggers do not print the key either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var high: UInt8?
        for unit in text.utf8 {
            let nibble: UInt8
            switch unit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = unit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = unit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = unit - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return high == nil ? bytes : nil
    }
}
