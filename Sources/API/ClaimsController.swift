import Claims
import Common
import Database
import Foundation
import HTTP
import JSON
import Scoring
import Tenancy

/// HTTP handlers of the case and claim endpoints.
enum ClaimsController {
    static func showCase(_ request: Request, _ context: AuthorizedCase<some APIContext>) throws -> Response {
        let (key, record) = (context.key, context.caseRecord)
        return JSONBody.value(
            .object(
                JSONObject([
                    ("id", .string(record.id)), ("org_id", .string(record.orgID)), ("name", .string(record.name)),
                    ("claim_type", .string(record.claimType.rawValue)),
                    ("environment", .string(key.environment.rawValue)),
                ])))
    }

    static func create(_ request: Request, _ context: AuthorizedCase<some APIContext>) throws -> Response {
        try ClaimService(context: context, key: context.key, record: context.caseRecord).submit(request)
    }

    static func show(_ request: Request, _ context: AuthorizedCase<some APIContext>) throws -> Response {
        let record = context.caseRecord
        let id = try request.parameters.require("id", as: Int.self)
        guard
            let claim = try ClaimStore(db: context.db).find(caseID: record.id, environment: context.environment, id: id)
        else { throw HTTPError.notFound("No such claim.") }
        return JSONBody.value(ClaimDocument.build(claim, claimType: record.claimType))
    }

    static func list(_ request: Request, _ context: AuthorizedCase<some APIContext>) throws -> Response {
        let (key, record) = (context.key, context.caseRecord)
        let (filter, cursor, limit) = try ListQuery.parse(request.query)
        return try ListQuery.page(
            db: context.db, caseID: record.id, environment: key.environment, filter: filter, before: cursor,
            limit: limit, claimType: record.claimType)
    }
}

/// Query parameters of list endpoints; bad values are a 400 naming the parameter.
enum ListQuery {
    /// One page of a claim list, newest first: `{"data": [...], "next_cursor": …}`, where the cursor
    /// (nil on the last page) continues after the page's last claim. One row more than `limit` is
    /// read to know whether another page exists.
    static func page(
        db: Connection, caseID: String, environment: Environment, filter: ClaimFilter, before cursor: Int?,
        limit: Int, claimType: ClaimType
    ) throws -> Response {
        let claims = try ClaimStore(db: db).list(
            caseID: caseID, environment: environment, filter: filter, before: cursor, limit: limit + 1)
        let page = claims.prefix(limit)
        let next: JSONValue = claims.count > limit ? .string(PageCursor.encode(after: page.last?.id ?? 0)) : .null
        return JSONBody.value(
            .object(
                JSONObject([
                    ("data", .array(page.map { ClaimDocument.build($0, claimType: claimType) })), ("next_cursor", next),
                ])))
    }

    static let determinations: Set<String> = ["pass", "review", "fail", "insufficient"]

    static func parse(_ query: QueryItems) throws(HTTPError) -> (ClaimFilter, Int?, Int) {
        var filter = ClaimFilter()
        var errors: [HTTPError.FieldError] = []
        let known: Set<String> = ["ref", "determination", "since", "until", "limit", "cursor"]
        for item in query.items where !known.contains(item.name) {
            errors.append(.init(field: item.name, message: "is not a known parameter"))
        }
        if let ref = query["ref"] {
            if ref.isEmpty || ref.unicodeScalars.count > 100 {
                errors.append(.init(field: "ref", message: "must be 1 to 100 characters"))
            }
            filter.ref = ref
        }
        if let determination = query["determination"] {
            if !determinations.contains(determination) {
                errors.append(.init(field: "determination", message: "must be pass, review, fail or insufficient"))
            }
            filter.determination = determination
        }
        for name in ["since", "until"] {
            guard let text = query[name] else { continue }
            guard let micros = Timestamp.parse(text) else {
                errors.append(.init(field: name, message: "must be an RFC 3339 date-time"))
                continue
            }
            if name == "since" { filter.since = micros } else { filter.until = micros }
        }
        var limit = 50
        if let text = query["limit"] {
            if let value = Int(text), (1...200).contains(value) {
                limit = value
            } else {
                errors.append(.init(field: "limit", message: "must be an integer from 1 to 200"))
            }
        }
        var cursor: Int?
        if let text = query["cursor"] {
            cursor = PageCursor.decode(text)
            if cursor == nil { errors.append(.init(field: "cursor", message: "is not a cursor this API returned")) }
        }
        guard errors.isEmpty else {
            throw HTTPError(
                status: 400, slug: "invalid-query", title: "Invalid query parameters",
                detail: "Some query parameters are invalid.", errors: errors)
        }
        return (filter, cursor, limit)
    }
}
