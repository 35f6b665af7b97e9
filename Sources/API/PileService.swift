import Claims
import Common
import Database
import HTTP
import JSON
import Scoring
import Tenancy

/// The pile endpoints' work: create, add, submit. Every request is bounded (at most
/// `PileStore.maxClaimsPerRequest` claims) and all-or-nothing: one bad claim is reported by its
/// index and nothing of that request is stored.
struct PileService {
    let context: any APIContext
    let key: ApiKey
    let record: CaseRecord

    var environment: Environment { key.environment }

    /// `POST …/piles`: `{"ref": "...", "claims": [...]}` → 201 with the pile and its new claims' ids.
    func create(_ request: Request) throws -> Response {
        let idempotent = try Idempotent(context: context, apiKey: key, request: request)
        if let replayed = try idempotent.replay() { return replayed }
        return try idempotent.commit(onConflict: Self.clash) {
            let body = try PileBody(try ClaimService.parse(request), creating: true)
            try requireHealthCase()
            let claims = try validate(body.claims)
            let ref = body.ref ?? ""
            if try PileStore(db: context.db).find(caseID: record.id, environment: environment, ref: ref) != nil {
                throw HTTPError.conflict("A pile with ref \"\(ref)\" already exists in this case.")
            }
            let pileID = try PileStore(db: context.db).create(
                orgID: record.orgID, caseID: record.id, environment: environment, ref: ref, apiKeyID: key.id)
            let ids = try store(claims, pileID: pileID)
            return (201, try answer(pileID: pileID, claims: claims, ids: ids))
        }
    }

    /// `POST …/piles/{id}/claims`: more claims for an open pile → 201 with the pile and the new ids.
    func add(_ request: Request, pileID: Int) throws -> Response {
        let idempotent = try Idempotent(context: context, apiKey: key, request: request)
        if let replayed = try idempotent.replay() { return replayed }
        return try idempotent.commit(onConflict: Self.clash) {
            let body = try PileBody(try ClaimService.parse(request), creating: false)
            try requireHealthCase()
            let claims = try validate(body.claims)
            let pile = try lockedPile(pileID)
            guard pile.status == .open else {
                throw HTTPError.conflict(
                    "Pile \(pileID) was submitted (status \(pile.status.rawValue)); it takes no more claims.")
            }
            guard pile.counts.received + claims.count <= PileStore.maxClaims else {
                throw HTTPError.unprocessable(
                    [.init(field: "claims", message: "would take the pile above \(PileStore.maxClaims) claims")],
                    detail: "A pile holds at most \(PileStore.maxClaims) claims.")
            }
            let ids = try store(claims, pileID: pileID)
            return (201, try answer(pileID: pileID, claims: claims, ids: ids))
        }
    }

    /// `POST …/piles/{id}/submit`: closes the pile and queues it for vetting → 202; submitting a
    /// pile that was already submitted answers 200 with its state (a retry is harmless).
    func submit(pileID: Int) throws -> Response {
        let settings = try CaseSettingsLoader.decode(record.settingsJSON)
        let (status, pile) = try context.db.transaction {
            let pile = try lockedPile(pileID)
            guard pile.status == .open else { return (200, pile) }
            // A state conflict (the request itself is fine): 409, as for adding to a submitted pile.
            guard pile.counts.received > 0 else {
                var error = HTTPError.conflict("The pile has no claims; add claims before submitting it.")
                error.errors = [.init(field: "claims", message: "the pile has no claims")]
                throw error
            }
            _ = try PileStore(db: context.db).submit(pileID: pileID, auditLevels: settings.auditLevels)
            return (202, try lockedPile(pileID))
        }
        if status == 202 { context.api.pileWasSubmitted() }
        return JSONBody.value(pile.document, status: status)
    }

    /// A pile or claim ref taken by a concurrent request between the checks and the insert.
    private static func clash() throws -> Response {
        throw HTTPError.conflict(
            "A pile or claim ref was used by another request at the same moment; nothing was stored.")
    }

    private func requireHealthCase() throws(HTTPError) {
        guard record.claimType == .health else {
            throw .unprocessable(
                [.init(field: "(case)", message: "is a \(record.claimType) case; piles take health claims")],
                detail: "Piles are for provider (health) claims; send settlement claims one by one.")
        }
    }

    private func lockedPile(_ pileID: Int) throws -> PileRecord {
        guard
            let pile = try PileStore(db: context.db).find(
                caseID: record.id, environment: environment, id: pileID, lock: true)
        else { throw HTTPError.notFound("No such pile.") }
        return pile
    }

    /// Every claim through the real-time path's validator; errors carry `claims[i].` paths (422).
    /// Refs must then be new: a ref used in the case and environment, or repeated within the
    /// request, collides with another claim's and is a 409 naming `claims[i].ref`.
    private func validate(_ bodies: [JSONValue]) throws -> [ValidatedClaim] {
        var errors: [HTTPError.FieldError] = []
        var claims: [ValidatedClaim] = []
        for (index, body) in bodies.enumerated() {
            do {
                claims.append(try context.api.engine.validator.validate(body, claimType: .health))
            } catch {
                errors += error.errors.map { .init(field: "claims[\(index)].\($0.field)", message: $0.message) }
            }
            if errors.count >= 100 { break }
        }
        guard errors.isEmpty else {
            throw HTTPError.unprocessable(errors, detail: "Some claims failed validation; nothing was stored.")
        }
        let taken = try PileClaimWriter(db: context.db).takenRefs(
            caseID: record.id, environment: environment, refs: claims.map(\.ref))
        var conflicts: [HTTPError.FieldError] = []
        // Keyed by UTF-8 bytes: refs compare exactly (utf8mb4_nopad_bin), while Swift's String
        // equality treats "é" and "e" + U+0301 as one.
        var seen: [[UInt8]: Int] = [:]
        for (index, claim) in claims.enumerated() where conflicts.count < 100 {
            let key = Array(claim.ref.utf8)
            if let first = seen[key] {
                conflicts.append(.init(field: "claims[\(index)].ref", message: "repeats the ref of claims[\(first)]"))
            } else if taken.contains(key) {
                conflicts.append(
                    .init(field: "claims[\(index)].ref", message: "is already used by a claim in this case"))
            }
            seen[key] = seen[key] ?? index
        }
        guard conflicts.isEmpty else {
            var error = HTTPError.conflict(
                "Some claim refs are already used in this case or repeated in this request; nothing was stored.")
            error.errors = conflicts
            throw error
        }
        return claims
    }

    private func store(_ claims: [ValidatedClaim], pileID: Int) throws -> [Int] {
        guard !claims.isEmpty else { return [] }
        let ids = try PileClaimWriter(db: context.db).insert(
            orgID: record.orgID, caseID: record.id, environment: environment, pileID: pileID, apiKeyID: key.id,
            claims: claims, receivedAt: Timestamp.nowMicros())
        try PileStore(db: context.db).addReceived(pileID: pileID, added: claims.count)
        return ids
    }

    private func answer(pileID: Int, claims: [ValidatedClaim], ids: [Int]) throws -> [UInt8] {
        guard let pile = try PileStore(db: context.db).find(caseID: record.id, environment: environment, id: pileID)
        else { throw HTTPError.notFound("No such pile.") }
        guard case .object(var document) = pile.document else { return JSONWriter.bytes(pile.document) }
        document["claims"] = .array(
            zip(claims, ids).map { claim, id in
                .object(JSONObject([("id", .int(Int64(id))), ("ref", .string(claim.ref))]))
            })
        return JSONWriter.bytes(.object(document))
    }
}
