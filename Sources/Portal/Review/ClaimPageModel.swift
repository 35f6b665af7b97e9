import Claims
import Scoring
import Tenancy

/// Everything the claim page shows, read once by `ClaimPageController`.
struct ClaimPageModel {
    let environment: Environment
    let claim: StoredClaim
    let items: [VettedItem]
    let signOffs: [SignOffRecord]
    /// The e-mail address of each reviewer in `signOffs`, by user id.
    let reviewerEmails: [Int: String]
    let history: [HistoryRecord]
    /// The pile's audit levels (nil for a claim outside piles).
    let auditLevels: Int?
    /// True when this member may change the claim now (reviewer at the claim's level).
    let canAct: Bool
    /// The member's own review level, to explain why they cannot act.
    let ownLevel: Int?
    /// A refused change, shown on the form it came from.
    var problem: ReviewForm.Problem?

    func actionURL(_ base: String, _ action: String) -> String {
        ReviewPaths.claimAction(base, claim.id, environment, action)
    }

    func itemURL(_ base: String, _ position: Int, _ action: String) -> String {
        ReviewPaths.itemAction(base, claim.id, position: position, environment, action)
    }

    /// The problem when it belongs to the item at `position` (or, with nil, to the claim's forms).
    func problem(at position: Int?) -> ReviewForm.Problem? {
        problem.flatMap { $0.position == position ? $0 : nil }
    }
}
