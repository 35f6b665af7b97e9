import Database

/// API keys in MariaDB: created once (the plaintext leaves only through `create`), then only hashes.
public struct ApiKeyStore {
    private let db: Connection

    public init(db: Connection) { self.db = db }

    /// Creates a key and returns it with its plaintext, which is never stored or shown again.
    public func create(
        orgID: String, environment: Environment, name: String, description: String, createdBy: Int?
    ) throws -> (key: ApiKey, plaintext: String) {
        let plaintext = ApiKeyFormat.generate(environment)
        let result = try db.execute(
            """
            INSERT INTO api_keys (org_id, environment, name, description, key_hash, display_prefix, created_by)
            VALUES (\(orgID), \(environment), \(name), \(description), \(ApiKeyFormat.hash(plaintext)),
                    \(ApiKeyFormat.displayPrefix(plaintext)), \(createdBy))
            """)
        guard let key = try find(orgID: orgID, id: result.lastInsertID) else {
            throw DatabaseError.failed(code: 0, message: "key vanished after insert")
        }
        return (key, plaintext)
    }

    public func list(orgID: String) throws -> [ApiKey] {
        try db.query(
            "SELECT \(ApiKey.columns) FROM api_keys WHERE org_id = \(orgID) ORDER BY created_at DESC, id DESC",
            as: ApiKey.self)
    }

    /// A key of this organization, or nil (another organization's id is as unknown as a missing one).
    public func find(orgID: String, id: Int) throws -> ApiKey? {
        try db.first("SELECT \(ApiKey.columns) FROM api_keys WHERE id = \(id) AND org_id = \(orgID)", as: ApiKey.self)
    }

    /// The active key with this SHA-256, for authentication.
    public func authenticate(hash: [UInt8]) throws -> ApiKey? {
        try db.first("SELECT \(ApiKey.columns) FROM api_keys WHERE key_hash = \(hash) AND active = 1", as: ApiKey.self)
    }

    @discardableResult
    public func update(orgID: String, id: Int, name: String, description: String) throws -> Bool {
        try db.execute(
            "UPDATE api_keys SET name = \(name), description = \(description) WHERE id = \(id) AND org_id = \(orgID)"
        ).affectedRows > 0 || find(orgID: orgID, id: id) != nil
    }

    @discardableResult
    public func setActive(orgID: String, id: Int, active: Bool) throws -> Bool {
        try db.execute("UPDATE api_keys SET active = \(active) WHERE id = \(id) AND org_id = \(orgID)").affectedRows
            > 0 || find(orgID: orgID, id: id) != nil
    }

    @discardableResult
    public func delete(orgID: String, id: Int) throws -> Bool {
        try db.execute("DELETE FROM api_keys WHERE id = \(id) AND org_id = \(orgID)").affectedRows > 0
    }

    /// Records use, at most once a minute per key, so a busy key costs no write per request.
    public func touch(id: Int) throws {
        try db.execute(
            """
            UPDATE api_keys SET last_used_at = CURRENT_TIMESTAMP(6)
            WHERE id = \(id) AND (last_used_at IS NULL OR last_used_at < CURRENT_TIMESTAMP(6) - INTERVAL 1 MINUTE)
            """)
    }

}
