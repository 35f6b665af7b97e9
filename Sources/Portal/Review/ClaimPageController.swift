import Claims
import Database
import HTTP
import Scoring
import Tenancy

/// `GET …/claims/{id}`: one claim with its items, diagnoses, deductions, sign-offs and history;
/// the reviewer at the claim's level also gets the forms. A claim of another organization, case
/// or environment is not found (404), whoever asks.
enum ClaimPageController {
    static func show<Context: PortalContext>(_ request: Request, _ context: PortalPage<Context>) throws -> Response {
        let scope = context.scope
        try scope.require(scope.role.canSeeEverything)
        let environment = ReviewPaths.environment(request)
        let claim = try find(request, scope: scope, environment: environment, db: context.db)
        let flashes = try FlashStore(db: context.db, box: context.portalSettings.secretBox)
            .take(sessionHash: scope.session.tokenHash)
        return try page(
            scope, context, claim: claim, environment: environment,
            notices: flashes.filter { $0.kind == .notice }.map(\.text))
    }

    /// The claim named in the path, in the scope's case and the requested environment; 404 otherwise.
    static func find(_ request: Request, scope: PortalScope, environment: Environment, db: Connection) throws
        -> StoredClaim
    {
        let id = try request.parameters.require("id", as: Int.self)
        guard let claim = try ClaimStore(db: db).find(caseID: scope.caseID, environment: environment, id: id)
        else { throw PortalError.notFound }
        return claim
    }

    /// The page, with a refused change's message on its form when `problem` is given.
    static func page<Context: PortalContext>(
        _ scope: PortalScope, _ context: Context, claim: StoredClaim, environment: Environment,
        notices: [String] = [], problem: ReviewForm.Problem? = nil
    ) throws -> Response {
        let log = ReviewLog(db: context.db)
        let pile = try claim.pileID.flatMap {
            try PileStore(db: context.db).find(caseID: scope.caseID, environment: environment, id: $0)
        }
        let signOffs = try log.signOffs(claimID: claim.id)
        let model = ClaimPageModel(
            environment: environment, claim: claim, items: VettedItem.stored(in: claim), signOffs: signOffs,
            reviewerEmails: try UserStore(db: context.db).emails(ids: signOffs.compactMap(\.reviewerID)),
            history: try log.history(claimID: claim.id),
            auditLevels: pile?.auditLevels, canAct: scope.mayReview(claim), ownLevel: scope.reviewLevel,
            problem: problem)
        let section = claim.auditStage != nil ? "review" : "piles"
        return PortalResponse.html(
            ClaimView.render(chrome: scope.chrome(section: section, notices: notices), model: model),
            status: problem?.status ?? 200)
    }
}
