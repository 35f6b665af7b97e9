import Crypto
import Foundation

/// Signs deliveries the Standard Webhooks way, so any receiver using one of that
/// specification's libraries accepts them; `verify` is the receiving half, for our own tests
/// and for anyone who wants to check a delivery with this code.
public struct WebhookSigner: Sendable {
    /// How far a delivery's timestamp may be from the receiver's clock: the specification's
    /// replay window.
    public static let defaultTolerance: TimeInterval = 5 * 60

    private let key: [UInt8]

    /// A signer for one webhook's secret.
    public init(secret: WebhookSecret) {
        key = secret.keyBytes
    }

    /// The `webhook-signature` header value, `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`.
    ///
    /// - Parameters:
    ///   - id: the `webhook-id` header, the same on every retry of one message. It must not
    ///     contain `.`, or the signed content would be ambiguous (`WebhookMessageID` never does).
    ///   - timestamp: the `webhook-timestamp` header, Unix seconds of this attempt.
    ///   - body: the exact bytes sent; signing re-encoded JSON would break verification.
    public func sign(id: String, timestamp: Int, body: some DataProtocol) -> String {
        "v1," + Data(mac(id: id, timestamp: String(timestamp), body: body)).base64EncodedString()
    }

    /// Checks a delivery as a receiver would, from the raw header values.
    ///
    /// Succeeds when the timestamp is within `tolerance` of `now` and any `v1` entry of the
    /// space-separated `signatures` header matches; other versions are ignored, which is what
    /// lets senders rotate secrets or add schemes. Comparison is constant-time so response
    /// timing leaks nothing about the expected signature.
    public func verify(
        id: String,
        timestamp: String,
        signatures: String,
        body: some DataProtocol,
        now: Date,
        tolerance: TimeInterval = WebhookSigner.defaultTolerance
    ) throws(SignatureVerificationError) {
        guard !timestamp.isEmpty, timestamp.count <= 18, timestamp.allSatisfy(\.isASCIIDigit),
            let seconds = Int(timestamp)
        else { throw .invalidTimestamp }
        let age = now.timeIntervalSince1970 - TimeInterval(seconds)
        if age > tolerance { throw .timestampTooOld }
        if age < -tolerance { throw .timestampTooNew }

        let expected = Array(Data(mac(id: id, timestamp: timestamp, body: body)).base64EncodedString().utf8)
        var matched = false
        for entry in signatures.split(separator: " ") {
            let parts = entry.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "v1" else { continue }
            if WebhookSigner.constantTimeEquals(Array(parts[1].utf8), expected) { matched = true }
        }
        guard matched else { throw .noMatchingSignature }
    }

    private func mac(id: String, timestamp: String, body: some DataProtocol) -> [UInt8] {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
        hmac.update(data: Array("\(id).\(timestamp).".utf8))
        hmac.update(data: body)
        return Array(hmac.finalize())
    }

    /// Touches every byte whatever the contents; only the lengths (which are public) may end
    /// the comparison early.
    private static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
