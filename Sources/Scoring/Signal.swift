/// A normalised, matchable fact about a claim. The database layer hashes and indexes it, writes
/// one row per signal with the claim, and later counts earlier rows with the same key, which is
/// how history reaches the engine without the engine doing I/O.
public struct Signal: Sendable, Codable, Equatable, Hashable {
    public var kind: SignalKind
    /// Already normalised: equal values mean "the same thing" for matching.
    public var value: String

    public init(kind: SignalKind, value: String) {
        self.kind = kind
        self.value = value
    }
}
