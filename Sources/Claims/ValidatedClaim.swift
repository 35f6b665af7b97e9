import JSON
import Scoring

/// A claim request that passed validation: what the engine scores and what is stored and echoed.
public struct ValidatedClaim: Sendable {
    public let ref: String
    public let claim: Claim
    /// The request as echoed back: payout account masked, timestamps in one form.
    public let echo: JSONObject
    /// Canonical content (payout account as its keyed hash), for `ref` conflict detection.
    public let contentHash: [UInt8]
}

/// Keyed hashing and masking of payout account numbers, which are never stored raw.
public struct PayoutProtector: Sendable {
    private let key: [UInt8]

    public init(key: [UInt8]) { self.key = key }

    /// HMAC-SHA256 under the server key over the account's letters and digits: a stolen
    /// database cannot be brute-forced back to account numbers without the key.
    public func hash(_ account: String) -> String {
        let normalized = account.uppercased().filter { $0.isLetter || $0.isNumber }
        return Hashing.hmacHex(key: key, Array(normalized.utf8), length: 32)
    }

    /// `****6789`.
    public func mask(_ account: String) -> String {
        let visible = account.filter { $0.isLetter || $0.isNumber }.suffix(4)
        return "****" + visible
    }
}
