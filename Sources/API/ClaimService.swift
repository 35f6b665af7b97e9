import Claims
import Common
import Database
import HTTP
import JSON
import Scoring
import Tenancy
import Webhooks

/// The real-time path: validate, check `ref`, score against history, and commit the claim, its
/// items, its signals and its `claim.scored` outbox row in one transaction.
struct ClaimService {
    let context: any APIContext
    let key: ApiKey
    let record: CaseRecord

    var claimType: ClaimType { record.claimType }
    var environment: Environment { key.environment }

    /// The response to `POST …/claims`.
    func submit(_ request: Request) throws -> Response {
        let idempotent = try Idempotent(context: context, apiKey: key, request: request)
        if let replayed = try idempotent.replay() { return replayed }
        let validated: ValidatedClaim
        do {
            validated = try context.api.engine.validator.validate(try Self.parse(request), claimType: claimType)
        } catch let error as ClaimValidationError {
            throw error.httpError()
        }
        let claims = ClaimStore(db: context.db)
        // No ref lookup first: the unique key (case, environment, ref) decides, below.
        let (scoredClaim, scored, scoring) = try score(validated)
        return try idempotent.commit(
            onConflict: {
                // A concurrent request with the same ref committed first.
                guard let existing = try claims.find(caseID: record.id, environment: environment, ref: validated.ref)
                else { throw HTTPError.conflict("The claim could not be stored; retry the request.") }
                return try answerExisting(existing, validated)
            }
        ) {
            var claim = scoredClaim
            claim.id = try claims.insert(
                orgID: record.orgID, claim: claim, apiKeyID: key.id, scored: scored.result, claimType: claimType)
            try scoring.recordSignals(scored, claimID: claim.id, atMicros: claim.receivedAt)
            let body = JSONWriter.bytes(ClaimDocument.build(claim, claimType: claimType))
            try Outbox.enqueue(
                context.db, type: .claimScored, orgID: record.orgID, caseID: record.id,
                environment: environment,
                claimID: claim.id, pileID: nil, data: body)
            return (201, body)
        }
    }

    /// Same ref, same content: the stored claim with 200. Same ref, other content: 409.
    private func answerExisting(_ existing: StoredClaim, _ validated: ValidatedClaim) throws -> Response {
        guard existing.contentHash == validated.contentHash else {
            throw HTTPError.conflict(
                "A claim with ref \"\(validated.ref)\" already exists in this case with different content.")
        }
        return JSONBody.raw(JSONWriter.bytes(ClaimDocument.build(existing, claimType: claimType)), status: 200)
    }

    private func scorer() throws -> Scorer {
        do {
            return try context.api.engine.scorers.scorer(caseID: record.id, settingsJSON: record.settingsJSON)
        } catch {
            throw HTTPError(
                status: 500, slug: "case-misconfigured", title: "Case settings invalid",
                detail: "The case's scoring settings are invalid; an administrator must correct them.")
        }
    }

    /// Scores against history read in one round trip (before the write transaction).
    private func score(_ validated: ValidatedClaim) throws -> (StoredClaim, ClaimScoring.Scored, ClaimScoring) {
        let scoring = ClaimScoring(
            db: context.db, caseID: record.id, environment: environment, claimType: claimType, scorer: try scorer())
        let now = Timestamp.nowMicros()
        let scored = try scoring.score(validated.claim, now: now)
        var claim = StoredClaim(
            id: 0, pileID: nil, caseID: record.id, environment: environment, ref: validated.ref,
            contentHash: validated.contentHash, receivedAt: now, request: validated.echo)
        scoring.apply(scored, to: &claim)
        return (claim, scored, scoring)
    }

    static func parse(_ request: Request) throws(HTTPError) -> JSONValue {
        guard request.mediaType == "application/json" else {
            throw .badRequest("Send the claim as JSON with Content-Type: application/json.")
        }
        do {
            return try JSONParser.parse(request.body)
        } catch {
            if error.limit != nil { throw .jsonLimit(error) }
            throw .badRequest("The body is not valid JSON: \(error.description).")
        }
    }
}
