@testable import Scoring

/// A `ClaimHistory` that behaves like the database: it keeps earlier claims' signals with their
/// claimant key and time, and counts them exactly as the SQL would, so tests prove that the
/// signals and the scorer agree end to end.
struct RecordedHistory: ClaimHistory {
    struct Row {
        var signals: Set<Signal>
        var claimant: String?
        var time: Double
    }

    let scorer: Scorer
    var rows: [Row] = []
    /// The claimant of the claim about to be scored.
    var currentClaimant: String?
    var now = Fixture.now

    init(scorer: Scorer) { self.scorer = scorer }

    mutating func record(_ claim: Claim, at time: Double = Fixture.now - 60) {
        rows.append(Row(signals: Set(scorer.signals(for: claim)), claimant: scorer.claimantKey(for: claim), time: time))
    }

    /// Scores `claim` against everything recorded so far.
    mutating func score(_ claim: Claim) -> ScoreResult {
        currentClaimant = scorer.claimantKey(for: claim)
        return scorer.score(claim, history: self, now: now)
    }

    func count(of lookup: SignalLookup) -> HistoryCount {
        let matching = rows.filter { row in
            row.signals.contains(lookup.signal) && lookup.windowSeconds.map { row.time >= now - $0 } ?? true
        }
        let others = Set(matching.compactMap(\.claimant).filter { $0 != currentClaimant })
        return HistoryCount(claims: matching.count, otherClaimants: others.count)
    }
}
