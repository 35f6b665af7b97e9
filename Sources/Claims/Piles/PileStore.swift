import Database
import Tenancy

/// Piles in MariaDB, always scoped by case and environment.
public struct PileStore {
    let db: Connection

    public init(db: Connection) { self.db = db }

    /// The most claims one pile may hold. Reaching 'Vetting Done' writes one event per claim in
    /// one transaction (so the delivery side never sees part of a pile), which bounds its size.
    public static let maxClaims = 200_000
    /// The most claims one create or add request may carry.
    public static let maxClaimsPerRequest = 1000

    /// Inserts an open pile and returns its id. Caller owns the transaction.
    public func create(orgID: String, caseID: String, environment: Environment, ref: String, apiKeyID: Int?)
        throws(DatabaseError) -> Int
    {
        try db.execute(
            """
            INSERT INTO piles (org_id, case_id, environment, ref, api_key_id, created_at)
            VALUES (\(orgID), \(caseID), \(environment), \(ref), \(apiKeyID), NOW(6))
            """
        ).lastInsertID
    }

    /// The pile, or nil when it is not this case's and environment's. `lock` takes a row lock
    /// (inside a transaction) so counters and status change one writer at a time.
    public func find(caseID: String, environment: Environment, id: Int, lock: Bool = false) throws -> PileRecord? {
        try db.first(
            """
            SELECT \(PileRecord.columns) FROM piles WHERE id = \(id) AND case_id = \(caseID)
              AND environment = \(environment)\(Self.forUpdate(lock))
            """, as: PileRecord.self)
    }

    public func find(caseID: String, environment: Environment, ref: String) throws -> PileRecord? {
        try db.first(
            """
            SELECT \(PileRecord.columns) FROM piles WHERE case_id = \(caseID) AND environment = \(environment)
              AND ref = \(ref)
            """, as: PileRecord.self)
    }

    /// By id (the worker's view, across tenants).
    func find(id: Int, lock: Bool = false) throws -> PileRecord? {
        try db.first(
            "SELECT \(PileRecord.columns) FROM piles WHERE id = \(id)\(Self.forUpdate(lock))", as: PileRecord.self)
    }

    /// Newest first; `before` is the cursor (an id).
    public func list(caseID: String, environment: Environment, before: Int?, limit: Int) throws -> [PileRecord] {
        try db.query(
            """
            SELECT \(PileRecord.columns) FROM piles WHERE case_id = \(caseID) AND environment = \(environment)
              AND id < \(before ?? Int.max) ORDER BY id DESC LIMIT \(limit)
            """, as: PileRecord.self)
    }

    /// Counts `added` more claims received. Caller owns the transaction and holds the row lock.
    public func addReceived(pileID: Int, added: Int) throws(DatabaseError) {
        try db.execute("UPDATE piles SET claims_received = claims_received + \(added) WHERE id = \(pileID)")
    }

    /// Closes an open pile and starts vetting with the case's current audit levels. False when
    /// the pile was not open (already submitted).
    public func submit(pileID: Int, auditLevels: Int) throws(DatabaseError) -> Bool {
        try db.execute(
            """
            UPDATE piles SET status = \(PileRecord.Status.vetting), audit_levels = \(auditLevels), submitted_at = NOW(6)
            WHERE id = \(pileID) AND status = \(PileRecord.Status.open)
            """
        ).affectedRows == 1
    }

    /// ` FOR UPDATE` when the read takes a row lock.
    static func forUpdate(_ lock: Bool) -> SQL { lock ? " FOR UPDATE" : "" }
}
