import Claims
import HTTP

/// `GET …/piles` and `GET …/piles/{id}`: read-only for everyone who sees the case's pages
/// (Developers see only Developer Tools). Both read piles by their own counters and claims along
/// an index in keyset pages, so they cost the same on a case with a million claims.
enum PilesController {
    static let pileLimit = 50
    static let claimLimit = 50

    static func list<Context: PortalContext>(_ request: Request, _ context: PortalPage<Context>) throws -> Response {
        let scope = context.scope
        try scope.require(scope.role.canSeeEverything)
        let environment = ReviewPaths.environment(request)
        let piles = try PileStore(db: context.db).list(
            caseID: scope.caseID, environment: environment,
            before: ReviewPaths.positiveID(request.query["before"]), limit: pileLimit + 1)
        let next =
            piles.count > pileLimit
            ? ReviewPaths.piles(scope.basePath, environment, before: piles[pileLimit - 1].id) : nil
        return PortalResponse.html(
            PilesView.render(
                chrome: scope.chrome(section: "piles"), environment: environment,
                piles: Array(piles.prefix(pileLimit)), next: next))
    }

    static func show<Context: PortalContext>(_ request: Request, _ context: PortalPage<Context>) throws -> Response {
        let scope = context.scope
        try scope.require(scope.role.canSeeEverything)
        let environment = ReviewPaths.environment(request)
        let id = try request.parameters.require("id", as: Int.self)
        guard let pile = try PileStore(db: context.db).find(caseID: scope.caseID, environment: environment, id: id)
        else { throw PortalError.notFound }
        var filter = ClaimFilter()
        filter.pileID = pile.id
        let claims = try ClaimStore(db: context.db).list(
            caseID: scope.caseID, environment: environment, filter: filter,
            before: ReviewPaths.positiveID(request.query["after"]), limit: claimLimit + 1)
        let next =
            claims.count > claimLimit
            ? ReviewPaths.pile(scope.basePath, pile.id, environment, after: claims[claimLimit - 1].id) : nil
        return PortalResponse.html(
            PileView.render(
                chrome: scope.chrome(section: "piles"), environment: environment, pile: pile,
                claims: Array(claims.prefix(claimLimit)), next: next))
    }
}
