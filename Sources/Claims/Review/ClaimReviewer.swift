import Common
import Database
import JSON
import Scoring
import Tenancy
import Webhooks

/// Carries out a reviewer's change to a claim of a pile in audit, in one transaction.
///
/// The transaction locks the claim row and re-checks that the claim still waits at the reviewer's
/// level, so two reviewers pressing at once cannot both act on one level. Every change is written
/// as history rows (who, level, before, after). A sign-off also records the reviewer in
/// `claim_audits` (its unique key keeps one person from signing two levels), moves the claim to
/// the next level, and enqueues `claim.reviewed`; the sign-off at the pile's last level also moves
/// the pile's counters and, when it was the last claim outstanding, the pile to `finishing`.
///
/// `claim.reviewed` goes into the outbox with no `pile_id`: the event reports one claim's new
/// outcome, so it is delivered at once, outside the pile's strict claim-id sequence, and the
/// pile's own events (`claim.pile_vetting_done`, which the pile worker writes once the pile is
/// done) stay the only events a pile owns. The claim document in `data` still names its pile.
public struct ClaimReviewer {
    /// Who acts, and at which level (their membership's review level).
    public struct Reviewer: Sendable {
        public let userID: Int
        public let email: String
        public let level: Int

        public init(userID: Int, email: String, level: Int) {
            self.userID = userID
            self.email = email
            self.level = level
        }
    }

    /// The claim as the portal found it: its case, environment and id, and the case's claim type.
    public struct Target: Sendable {
        public let orgID: String
        public let caseID: String
        public let environment: Environment
        public let claimID: Int
        public let claimType: ClaimType

        public init(orgID: String, caseID: String, environment: Environment, claimID: Int, claimType: ClaimType) {
            self.orgID = orgID
            self.caseID = caseID
            self.environment = environment
            self.claimID = claimID
            self.claimType = claimType
        }
    }

    /// What happened: the claim after the change and whether anything changed at all.
    public struct Outcome: Sendable {
        public let claim: StoredClaim
        public let changed: Bool
    }

    let db: Connection

    public init(db: Connection) { self.db = db }

    /// Applies `action` at the reviewer's level. Throws `ReviewError` (nothing written) when the
    /// claim is gone, moved on, already signed by this reviewer, or the input is out of range.
    public func perform(_ action: ReviewAction, on target: Target, by reviewer: Reviewer) throws -> Outcome {
        do {
            return try db.transaction { try run(action, on: target, by: reviewer) }
        } catch DatabaseError.duplicateKey(let key) where key == "claim_audits_reviewer" {
            throw ReviewError.alreadySignedOff(level: try signedLevel(target.claimID, reviewer) ?? 0)
        }
    }

    private func run(_ action: ReviewAction, on target: Target, by reviewer: Reviewer) throws -> Outcome {
        guard
            let claim = try db.first(
                """
                SELECT \(StoredClaim.columns) FROM claims WHERE id = \(target.claimID) AND case_id = \(target.caseID)
                  AND environment = \(target.environment) FOR UPDATE
                """, as: StoredClaim.self)
        else { throw ReviewError.claimNotFound }
        guard claim.auditStage == reviewer.level, let pileID = claim.pileID else {
            throw ReviewError.stageChanged(current: claim.auditStage)
        }
        if action.isSignOff, let level = try signedLevel(claim.id, reviewer) {
            throw ReviewError.alreadySignedOff(level: level)
        }
        var state = ReviewState(
            items: VettedItem.stored(in: claim), approvalStatus: claim.approvalStatus,
            approvedAmount: claim.approvedAmount)
        let change = try state.apply(action)
        guard !change.isEmpty else { return Outcome(claim: claim, changed: false) }

        var stage: Int? = reviewer.level
        var lastLevel = false
        if case .signOff(let approve) = action {
            let levels =
                try db.first("SELECT audit_levels FROM piles WHERE id = \(pileID)")?.decode(
                    "audit_levels", as: Int.self)
                ?? 0
            lastLevel = reviewer.level >= levels
            stage = lastLevel ? nil : reviewer.level + 1
            try db.execute(
                """
                INSERT INTO claim_audits (claim_id, level, reviewer_id, decision, decided_at)
                VALUES (\(claim.id), \(reviewer.level), \(reviewer.userID), \(approve ? 1 : 0), NOW(6))
                """)
        }
        let updated = ClaimOutcomeWriter.updated(claim, state: state, auditStage: stage)
        try ClaimOutcomeWriter.save(db, claim: updated, items: state.items, positions: change.changedPositions)
        try writeHistory(change.entries, claimID: claim.id, reviewer: reviewer)
        if action.isSignOff {
            try Outbox.enqueue(
                db, type: .claimReviewed, orgID: target.orgID, caseID: claim.caseID,
                environment: claim.environment,
                claimID: claim.id, pileID: nil,
                data: JSONWriter.bytes(ClaimDocument.build(updated, claimType: target.claimType)))
        }
        if lastLevel { try passLastLevel(pileID: pileID, approvalStatus: updated.approvalStatus) }
        return Outcome(claim: updated, changed: true)
    }

    /// The claim left audit: count it by its final status and, when it was the pile's last claim
    /// outstanding, hand the pile to the worker (`finishing`), which writes the pile's events.
    private func passLastLevel(pileID: Int, approvalStatus: Int?) throws(DatabaseError) {
        try db.execute(
            """
            UPDATE piles SET claims_awaiting_audit = claims_awaiting_audit - 1,
              claims_approved = claims_approved + \(approvalStatus == 1 ? 1 : 0),
              claims_rejected = claims_rejected + \(approvalStatus == 0 ? 1 : 0),
              claims_pending = claims_pending + \(approvalStatus == nil ? 1 : 0)
            WHERE id = \(pileID)
            """)
        try db.execute(
            """
            UPDATE piles SET status = \(PileRecord.Status.finishing)
            WHERE id = \(pileID) AND status = \(PileRecord.Status.inAudit) AND claims_awaiting_audit = 0
              AND claims_vetted = claims_received
            """)
    }

    private func writeHistory(_ entries: [ReviewHistoryEntry], claimID: Int, reviewer: Reviewer)
        throws(DatabaseError)
    {
        func clipped(_ text: String?) -> String? { text.map { $0.prefixScalars(1000) } }
        let now = Timestamp.sql(micros: Timestamp.nowMicros())
        let rows: [[any Bindable]] = entries.map { entry in
            [
                claimID, reviewer.level, reviewer.userID, reviewer.email, entry.action, entry.itemPosition,
                clipped(entry.before), clipped(entry.after), now,
            ]
        }
        try db.insertMany(into: "claim_history", columns: Self.historyColumns, rows: rows)
    }

    private static let historyColumns: SQLColumns = [
        "claim_id", "level", "user_id", "user_email", "action", "item_position", "before_value", "after_value",
        "created_at",
    ]

    /// The level at which this reviewer signed the claim off, if they did.
    private func signedLevel(_ claimID: Int, _ reviewer: Reviewer) throws(DatabaseError) -> Int? {
        try db.first(
            "SELECT level FROM claim_audits WHERE claim_id = \(claimID) AND reviewer_id = \(reviewer.userID)"
        )?.decode("level")
    }
}
