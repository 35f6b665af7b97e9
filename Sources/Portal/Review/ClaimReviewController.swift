import Claims
import HTTP
import Tenancy

/// The reviewer's form posts on the claim page: `POST …/claims/{id}/{approve|reject|comment}`
/// and `POST …/claims/{id}/items/{position}/{approve|reject|quantity|price|comment}`.
///
/// Checks run in this order, each stopping with nothing changed: the CSRF token (403), the role
/// (403 for Viewers and Developers), the claim in this case and environment (404), the member's
/// review level against the level the claim waits at (403), the input (the page again with a
/// message on the form, 422). `ClaimReviewer` then makes the change in one transaction that
/// re-checks the level under the claim's row lock; success redirects to the claim page.
enum ClaimReviewController {
    static func claimAction<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws
        -> Response
    {
        let action = try request.parameters.require("action", as: String.self)
        return try act(request, context) { form in ReviewForm.claimAction(action, form: form) }
    }

    static func itemAction<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws
        -> Response
    {
        // 0-based, as `claim_items.position`; the page numbers items from 1 for people.
        // Positions no claim can have (any number up to and beyond Int64) are a 404 before any lookup.
        let position = try request.parameters.require("position", as: Int.self)
        guard (0..<ClaimValidator.maxItems).contains(position) else { throw PortalError.notFound }
        let action = try request.parameters.require("action", as: String.self)
        return try act(request, context) { form throws(ReviewForm.Problem) in
            try ReviewForm.itemAction(action, position: position, form: form)
        }
    }

    private static func act<Context: PortalContext>(
        _ request: Request, _ context: PortalChange<Context>,
        parse: (QueryItems) throws(ReviewForm.Problem) -> ReviewAction?
    ) throws -> Response {
        let (scope, form) = (context.scope, context.form)
        try scope.require(scope.role.canReview)
        let environment = ReviewPaths.environment(request)
        let claim = try ClaimPageController.find(request, scope: scope, environment: environment, db: context.db)
        guard let reviewer = scope.reviewer, scope.mayReview(claim) else { throw PortalError.forbidden }
        let action: ReviewAction
        do {
            guard let parsed = try parse(form) else { throw PortalError.notFound }
            action = parsed
        } catch let problem as ReviewForm.Problem {
            return try ClaimPageController.page(
                scope, context, claim: claim, environment: environment, problem: problem)
        }
        let target = ClaimReviewer.Target(
            orgID: scope.orgID, caseID: scope.caseID, environment: environment, claimID: claim.id,
            claimType: scope.claimType)
        let outcome: ClaimReviewer.Outcome
        do {
            outcome = try ClaimReviewer(db: context.db).perform(action, on: target, by: reviewer)
        } catch let error as ReviewError {
            if error == .claimNotFound { throw PortalError.notFound }
            let current = try ClaimPageController.find(request, scope: scope, environment: environment, db: context.db)
            return try ClaimPageController.page(
                scope, context, claim: current, environment: environment,
                problem: ReviewForm.problem(error, form: form))
        }
        try scope.notice(context, notice(for: action, outcome: outcome, level: reviewer.level))
        return PortalResponse.redirect(ReviewPaths.claim(scope.basePath, claim.id, environment))
    }

    /// What the page after the redirect says.
    static func notice(for action: ReviewAction, outcome: ClaimReviewer.Outcome, level: Int) -> String {
        guard outcome.changed else { return "Nothing to change: the claim already looked like that." }
        switch action {
        case .signOff(let approve):
            let verb = approve ? "approved" : "rejected"
            let next =
                outcome.claim.auditStage.map { "It now waits for a level \($0) reviewer." }
                ?? "It has passed every audit level."
            return "Claim \(verb) at level \(level). \(next)"
        case .commentClaim: return "Comment added to the claim."
        case .commentItem(let position, _): return "Comment added to item \(ReviewError.itemNumber(position))."
        case .approveItem(let position): return "Item \(ReviewError.itemNumber(position)) approved."
        case .rejectItem(let position): return "Item \(ReviewError.itemNumber(position)) rejected."
        case .setQuantity(let position, let quantity):
            return "Approved quantity of item \(ReviewError.itemNumber(position)) set to \(quantity)."
        case .setUnitPrice(let position, let price):
            return "Approved unit price of item \(ReviewError.itemNumber(position)) set to \(price)."
        }
    }
}
