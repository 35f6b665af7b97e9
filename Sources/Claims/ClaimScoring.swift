import Common
import Database
import Scoring
import Tenancy

/// Scores one claim against its case's history: the single path the real-time endpoint and pile
/// vetting share, so a claim gets the same verdict whichever way it arrived.
///
/// Reading history and writing the claim's own signals are separate calls so each caller can
/// put the write in its own transaction (real time: with the claim insert; piles: with the batch).
public struct ClaimScoring {
    let db: Connection
    let caseID: String
    let environment: Environment
    let claimType: ClaimType
    let scorer: Scorer

    public init(db: Connection, caseID: String, environment: Environment, claimType: ClaimType, scorer: Scorer) {
        self.db = db
        self.caseID = caseID
        self.environment = environment
        self.claimType = claimType
        self.scorer = scorer
    }

    /// The engine's verdict with the signals and claimant hash its history was read by, so the
    /// write stores exactly those without computing them again.
    public struct Scored: Sendable {
        public let result: ScoreResult
        public let signals: [Signal]
        public let claimantHash: [UInt8]
        public let scoredAt: Int64
    }

    /// Reads history in one round trip and scores. `now` is the scoring time in microseconds.
    public func score(_ claim: Claim, now: Int64) throws(DatabaseError) -> Scored {
        let signals = scorer.signals(for: claim)
        let claimantHash = SignalHistoryStore.claimantHash(
            caseID: caseID, environment: environment, claimantKey: scorer.claimantKey(for: claim))
        let history = try SignalHistoryStore(db: db).counts(
            caseID: caseID, environment: environment, lookups: scorer.lookups(for: signals),
            claimantHash: claimantHash, nowMicros: now)
        let result = scorer.score(claim, history: history, now: Double(now) / 1_000_000)
        return Scored(result: result, signals: signals, claimantHash: claimantHash, scoredAt: Timestamp.nowMicros())
    }

    /// Copies the verdict onto the stored claim (score, determination, deductions and, for a
    /// vetted health claim, the approval and the vetting time).
    public func apply(_ scored: Scored, to claim: inout StoredClaim) {
        claim.scoredAt = scored.scoredAt
        claim.score = scored.result.score
        claim.determination = scored.result.determination.rawValue
        claim.result = ClaimDocument.result(scored.result, claimType: claimType)
        if claimType == .health, scored.result.score != nil {
            claim.approvedAmount = scored.result.approvedAmount
            claim.approvalStatus = scored.result.approvalStatus
            claim.vettedAt = scored.scoredAt
        }
    }

    /// Writes the claim's signal rows; call inside the transaction that stores the verdict.
    public func recordSignals(_ scored: Scored, claimID: Int, atMicros: Int64) throws(DatabaseError) {
        try SignalHistoryStore(db: db).record(
            caseID: caseID, environment: environment, claimID: claimID, signals: scored.signals,
            claimantHash: scored.claimantHash, atMicros: atMicros)
    }
}
