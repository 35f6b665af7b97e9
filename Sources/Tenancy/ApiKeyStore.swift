import Database

/// API keys in MariaDB: created once (the plaintext leaves only through `create`), then only hashes.
public struct ApiKeyStore {
    private let db: Connection
    private static let columns =
        "id, org_id, environment, name, description, display_prefix, active, created_at, last_used_at"

    public init(db: Connection) { self.db = db }

    /// Creates a key and returns it with its plaintext, which is never stored or shown again.
    public func create(
        orgID: String, environment: Environment, name: String, description: String, createdBy: Int?
    ) throws -> (key: ApiKey, plaintext: String) {
        let plaintext = ApiKeyFormat.generate(environment)
        let result = try db.legacyExecute(
            """
            INSERT INTO api_keys (org_id, environment, name, description, key_hash, display_prefix, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, orgID, environment.rawValue, name, description, ApiKeyFormat.hash(plaintext),
            ApiKeyFormat.displayPrefix(plaintext), createdBy)
        guard let key = try find(orgID: orgID, id: result.lastInsertID) else {
            throw DatabaseError.failed(code: 0, message: "key vanished after insert")
        }
        return (key, plaintext)
    }

    public func list(orgID: String) throws -> [ApiKey] {
        try db.legacyQuery(
            "SELECT \(Self.columns) FROM api_keys WHERE org_id = ? ORDER BY created_at DESC, id DESC", orgID
        )
        .map(Self.key)
    }

    /// A key of this organization, or nil (another organization's id is as unknown as a missing one).
    public func find(orgID: String, id: Int) throws -> ApiKey? {
        try db.legacyFirst("SELECT \(Self.columns) FROM api_keys WHERE id = ? AND org_id = ?", id, orgID).map(Self.key)
    }

    /// The active key with this SHA-256, for authentication.
    public func authenticate(hash: [UInt8]) throws -> ApiKey? {
        try db.legacyFirst("SELECT \(Self.columns) FROM api_keys WHERE key_hash = ? AND active = 1", hash).map(Self.key)
    }

    @discardableResult
    public func update(orgID: String, id: Int, name: String, description: String) throws -> Bool {
        try db.legacyExecute(
            "UPDATE api_keys SET name = ?, description = ? WHERE id = ? AND org_id = ?", name, description, id, orgID
        ).affectedRows > 0 || find(orgID: orgID, id: id) != nil
    }

    @discardableResult
    public func setActive(orgID: String, id: Int, active: Bool) throws -> Bool {
        try db.legacyExecute("UPDATE api_keys SET active = ? WHERE id = ? AND org_id = ?", active, id, orgID)
            .affectedRows
            > 0 || find(orgID: orgID, id: id) != nil
    }

    @discardableResult
    public func delete(orgID: String, id: Int) throws -> Bool {
        try db.legacyExecute("DELETE FROM api_keys WHERE id = ? AND org_id = ?", id, orgID).affectedRows > 0
    }

    /// Records use, at most once a minute per key, so a busy key costs no write per request.
    public func touch(id: Int) throws {
        try db.legacyExecute(
            """
            UPDATE api_keys SET last_used_at = CURRENT_TIMESTAMP(6)
            WHERE id = ? AND (last_used_at IS NULL OR last_used_at < CURRENT_TIMESTAMP(6) - INTERVAL 1 MINUTE)
            """, id)
    }

    private static func key(_ row: Row) throws -> ApiKey {
        ApiKey(
            id: try row.int("id"), orgID: try row.string("org_id"),
            environment: Environment(rawValue: try row.string("environment")) ?? .sandbox,
            name: try row.string("name"), description: try row.string("description"),
            displayPrefix: try row.string("display_prefix"), active: try row.bool("active"),
            createdAt: try row.string("created_at"), lastUsedAt: row.optionalString("last_used_at"))
    }
}
