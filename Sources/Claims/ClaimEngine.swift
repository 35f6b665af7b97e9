import Foundation

/// What validates and scores claims, built once per process from the server key and shared by
/// the request path (`APIState`) and the pile worker, so both judge a claim with the same
/// validator and the same cached scorers.
public struct ClaimEngine: Sendable {
    /// One scorer per case settings version.
    public let scorers: ScorerCache
    public let validator: ClaimValidator

    /// `secretKey` is the server's base64 key (or, when it is not base64, its text); payout
    /// accounts are keyed-hashed under a key derived from it.
    public init(secretKey: String) {
        let key = Data(base64Encoded: secretKey).map(Array.init) ?? Array(secretKey.utf8)
        self.init(
            scorers: ScorerCache(),
            validator: ClaimValidator(protector: PayoutProtector(key: Hashing.sha256(Array("payout|".utf8) + key))))
    }

    public init(scorers: ScorerCache, validator: ClaimValidator) {
        self.scorers = scorers
        self.validator = validator
    }
}
