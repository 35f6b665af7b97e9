import Database

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
    public func create(orgID: String, caseID: String, environment: String, ref: String, apiKeyID: Int?)
        throws(DatabaseError) -> Int
    {
        try db.legacyExecute(
            """
            INSERT INTO piles (org_id, case_id, environment, ref, api_key_id, created_at)
            VALUES (?, ?, ?, ?, ?, NOW(6))
            """, orgID, caseID, environment, ref, apiKeyID
        ).lastInsertID
    }

    /// The pile, or nil when it is not this case's and environment's. `lock` takes a row lock
    /// (inside a transaction) so counters and status change one writer at a time.
    public func find(caseID: String, environment: String, id: Int, lock: Bool = false) throws -> PileRecord? {
        try db.legacyFirst(
            "SELECT \(PileRecord.columns) FROM piles WHERE id = ? AND case_id = ? AND environment = ?"
                + (lock ? " FOR UPDATE" : ""), id, caseID, environment
        ).map(PileRecord.init(row:))
    }

    public func find(caseID: String, environment: String, ref: String) throws -> PileRecord? {
        try db.legacyFirst(
            "SELECT \(PileRecord.columns) FROM piles WHERE case_id = ? AND environment = ? AND ref = ?", caseID,
            environment, ref
        ).map(PileRecord.init(row:))
    }

    /// By id (the worker's view, across tenants).
    func find(id: Int, lock: Bool = false) throws -> PileRecord? {
        try db.legacyFirst("SELECT \(PileRecord.columns) FROM piles WHERE id = ?" + (lock ? " FOR UPDATE" : ""), id)
            .map(PileRecord.init(row:))
    }

    /// Newest first; `before` is the cursor (an id).
    public func list(caseID: String, environment: String, before: Int?, limit: Int) throws -> [PileRecord] {
        try db.legacyQuery(
            """
            SELECT \(PileRecord.columns) FROM piles WHERE case_id = ? AND environment = ? AND id < ?
            ORDER BY id DESC LIMIT ?
            """, caseID, environment, before ?? Int.max, limit
        ).map(PileRecord.init(row:))
    }

    /// Counts `added` more claims received. Caller owns the transaction and holds the row lock.
    public func addReceived(pileID: Int, added: Int) throws(DatabaseError) {
        try db.legacyExecute("UPDATE piles SET claims_received = claims_received + ? WHERE id = ?", added, pileID)
    }

    /// Closes an open pile and starts vetting with the case's current audit levels. False when
    /// the pile was not open (already submitted).
    public func submit(pileID: Int, auditLevels: Int) throws(DatabaseError) -> Bool {
        try db.legacyExecute(
            """
            UPDATE piles SET status = 'vetting', audit_levels = ?, submitted_at = NOW(6)
            WHERE id = ? AND status = 'open'
            """, auditLevels, pileID
        ).affectedRows == 1
    }
}
