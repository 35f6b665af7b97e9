import Claims
import HTTP
import JSON
import Scoring

/// HTTP handlers of the pile endpoints.
enum PilesController {
    static func create(_ request: Request, _ context: AuthorizedCase<some APIContext>) throws -> Response {
        let (key, record) = (context.key, context.caseRecord)
        return try PileService(context: context, key: key, record: record).create(request)
    }

    static func addClaims(_ request: Request, _ context: AuthorizedCase<some APIContext>) throws -> Response {
        let (key, record) = (context.key, context.caseRecord)
        return try PileService(context: context, key: key, record: record).add(request, pileID: try pileID(request))
    }

    static func submit(_ request: Request, _ context: AuthorizedCase<some APIContext>) throws -> Response {
        let (key, record) = (context.key, context.caseRecord)
        return try PileService(context: context, key: key, record: record).submit(pileID: try pileID(request))
    }

    static func show(_ request: Request, _ context: AuthorizedCase<some APIContext>) throws -> Response {
        let (key, record) = (context.key, context.caseRecord)
        guard
            let pile = try PileStore(db: context.db).find(
                caseID: record.id, environment: key.environment, id: try pileID(request))
        else { throw HTTPError.notFound("No such pile.") }
        return JSONBody.value(pile.document)
    }

    /// The pile's claims in claim-id order (the order their events are delivered in).
    static func claims(_ request: Request, _ context: AuthorizedCase<some APIContext>) throws -> Response {
        let (key, record) = (context.key, context.caseRecord)
        let id = try pileID(request)
        guard
            try PileStore(db: context.db).find(caseID: record.id, environment: key.environment, id: id) != nil
        else { throw HTTPError.notFound("No such pile.") }
        var (filter, cursor, limit) = try ListQuery.parse(request.query)
        filter.pileID = id
        return try ListQuery.page(
            db: context.db, caseID: record.id, environment: key.environment, filter: filter, before: cursor,
            limit: limit, claimType: .health)
    }

    private static func pileID(_ request: Request) throws(HTTPError) -> Int {
        try request.parameters.require("id", as: Int.self)
    }
}
