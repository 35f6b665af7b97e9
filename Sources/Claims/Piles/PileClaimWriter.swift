import Common
import Database
import JSON
import Tenancy

/// Writes a pile's claims as received (not yet scored) and reads which refs are taken.
public struct PileClaimWriter {
    let db: Connection

    public init(db: Connection) { self.db = db }

    /// What a pile claim holds when it is received (scoring fills in the rest).
    private static let columns: SQLColumns = [
        "org_id", "case_id", "environment", "pile_id", "ref", "content_hash", "api_key_id", "received_at",
        "request_json",
    ]

    /// Inserts the claims, unscored, in the order given (so ids follow it) and returns their ids
    /// in that order. The ids are read back by ref rather than inferred from the first insert
    /// id, which would assume an auto-increment lock mode. Caller owns the transaction and holds
    /// the pile's row lock.
    ///
    /// `received_at` is never earlier than the pile's latest (should the clock step back), so
    /// within a pile it never decreases with id and the pile's claim list, ordered by
    /// (received_at, id) along an index, is claim-id order.
    public func insert(
        orgID: String, caseID: String, environment: Environment, pileID: Int, apiKeyID: Int?,
        claims: [ValidatedClaim], receivedAt: Int64
    ) throws -> [Int] {
        let latest = try db.first("SELECT MAX(received_at) AS latest FROM claims WHERE pile_id = \(pileID)")?
            .optionalTimestamp("latest")
        let at = Timestamp.sql(micros: max(receivedAt, latest ?? receivedAt))
        try db.insertMany(
            into: "claims", columns: Self.columns,
            rows: claims.map { claim in
                [
                    orgID, caseID, environment, pileID, claim.ref, claim.contentHash, apiKeyID, at,
                    JSONWriter.string(.object(claim.echo)),
                ]
            })
        var ids: [Int] = []
        ids.reserveCapacity(claims.count)
        let byRef = try lookUp(caseID: caseID, environment: environment, refs: claims.map(\.ref))
        for claim in claims {
            guard let id = byRef[Array(claim.ref.utf8)] else { throw PileClaimWriterError.insertedClaimMissing }
            ids.append(id)
        }
        return ids
    }

    /// Which of `refs` already name a claim in this case and environment (any pile or none), as
    /// UTF-8 bytes: refs compare exactly (`utf8mb4_nopad_bin`), while Swift's `String` equality
    /// would take "é" and "e" + U+0301 for one ref.
    public func takenRefs(caseID: String, environment: Environment, refs: [String]) throws -> Set<[UInt8]> {
        Set(try lookUp(caseID: caseID, environment: environment, refs: refs).keys)
    }

    private func lookUp(caseID: String, environment: Environment, refs: [String]) throws -> [[UInt8]: Int] {
        var found: [[UInt8]: Int] = [:]
        var index = 0
        while index < refs.count {
            let chunk = Array(refs[index..<min(index + 256, refs.count)])
            for row in try db.query(
                """
                SELECT id, ref FROM claims WHERE case_id = \(caseID) AND environment = \(environment)
                  AND ref IN (\(list: chunk))
                """)
            {
                found[Array(try row.decode("ref", as: String.self).utf8)] = try row.decode("id")
            }
            index += chunk.count
        }
        return found
    }
}

/// The database did something the writer's assumptions rule out; the transaction rolls back.
enum PileClaimWriterError: Error {
    /// A claim just inserted was not found by its ref.
    case insertedClaimMissing
}
