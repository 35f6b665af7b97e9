/// What the engine needs to know about earlier claims. Kept as a protocol so the engine stays
/// pure: the database layer fetches the answers first (one round trip) and hands them in.
public protocol ClaimHistory {
    /// Counts for one lookup; a lookup the implementation knows nothing about is `.zero`.
    func count(of lookup: SignalLookup) -> HistoryCount
}
