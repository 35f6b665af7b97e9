/// A `ClaimHistory` backed by dictionaries: the database layer fills it from its one query,
/// tests and the benchmark fill it by hand.
public struct SignalCounts: ClaimHistory, Sendable, Equatable {
    /// Answers for exact (signal, window) lookups.
    public var counts: [SignalLookup: HistoryCount]
    /// Fallback answers for a signal whatever the window; convenient where windows don't matter.
    public var anyWindow: [Signal: HistoryCount]

    public init(_ counts: [SignalLookup: HistoryCount] = [:], anyWindow: [Signal: HistoryCount] = [:]) {
        self.counts = counts
        self.anyWindow = anyWindow
    }

    public func count(of lookup: SignalLookup) -> HistoryCount {
        counts[lookup] ?? anyWindow[lookup.signal] ?? .zero
    }
}
