import Claims
import Scoring
import Tenancy

extension PortalScope {
    /// The audit level this member reviews at in this organization, if they may review at all.
    var reviewLevel: Int? { role.canReview ? membership.reviewLevel : nil }

    /// Who may change a claim: a member who may review, at the level the claim waits at. Everyone
    /// else who sees the pages sees the claim read-only.
    func mayReview(_ claim: StoredClaim) -> Bool {
        guard let level = reviewLevel, claim.pileID != nil else { return false }
        return claim.auditStage == level
    }

    /// The case's claim type (the claim document's shape depends on it).
    var claimType: ClaimType { caseRecord.claimType }

    /// The reviewer as the review service needs them; nil for members without a level.
    var reviewer: ClaimReviewer.Reviewer? {
        reviewLevel.map { ClaimReviewer.Reviewer(userID: session.user.id, email: session.user.email, level: $0) }
    }
}
