import Claims
import HTTP
import Scoring

/// `GET …/review`: the queue of claims waiting at one audit level, oldest first. A reviewer
/// lands on their own level; `?level=` shows another level's queue (read-only for them and for
/// everyone without a level).
enum ReviewQueueController {
    static let limit = 50

    static func show<Context: PortalContext>(_ request: Request, _ context: PortalPage<Context>) throws -> Response {
        let scope = context.scope
        try scope.require(scope.role.canSeeEverything)
        let environment = ReviewPaths.environment(request)
        let caseLevels = (try? CaseSettingsLoader.decode(scope.caseRecord.settingsJSON).auditLevels) ?? 0
        let levels = 1...max(1, caseLevels, scope.reviewLevel ?? 1)
        var level = scope.reviewLevel ?? 1
        if let asked = request.query["level"] {
            guard let value = Int(asked), (1...CaseSettings.maxAuditLevels).contains(value) else {
                throw PortalError.notFound
            }
            level = value
        }
        let claims = try ReviewLog(db: context.db).queue(
            caseID: scope.caseID, environment: environment, level: level,
            after: ReviewPaths.positiveID(request.query["after"]), limit: limit + 1)
        let next =
            claims.count > limit
            ? ReviewPaths.review(scope.basePath, environment, level: level, after: claims[limit - 1].id) : nil
        let model = ReviewQueueView.Model(
            environment: environment, level: level, levels: levels.lowerBound...max(levels.upperBound, level),
            ownLevel: scope.reviewLevel, claims: Array(claims.prefix(limit)), next: next)
        return PortalResponse.html(ReviewQueueView.render(chrome: scope.chrome(section: "review"), model: model))
    }
}
