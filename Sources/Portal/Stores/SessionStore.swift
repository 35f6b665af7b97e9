import Database

/// Portal sessions in MariaDB: the cookie holds a random token, the row only its SHA-256.
public struct SessionStore {
    private let db: Connection

    public init(db: Connection) { self.db = db }

    /// Starts a session and returns the cookie token (shown to nobody but the browser).
    public func create(userID: Int, hours: Int) throws -> String {
        let token = SessionToken.generate()
        try db.execute(
            """
            INSERT INTO sessions (token_hash, user_id, csrf_secret, expires_at)
            VALUES (\(SessionToken.hash(token)), \(userID), \(SessionToken.randomBytes()),
              CURRENT_TIMESTAMP(6) + INTERVAL \(hours) HOUR)
            """)
        return token
    }

    /// The live session for a cookie token, or nil when it is unknown, malformed or expired.
    public func find(token: String) throws -> PortalSession? {
        guard SessionToken.isWellFormed(token) else { return nil }
        return try db.first(
            """
            SELECT \(PortalSession.columns) FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(SessionToken.hash(token)) AND s.expires_at > CURRENT_TIMESTAMP(6)
            """, as: PortalSession.self)
    }

    /// Ends a session (sign-out); its flash messages go with it (foreign key cascade).
    public func delete(tokenHash: [UInt8]) throws {
        try db.execute("DELETE FROM sessions WHERE token_hash = \(tokenHash)")
    }

    /// Drops expired sessions and flashes; called on sign-in so the tables do not grow forever.
    public func purgeExpired() throws {
        try db.execute("DELETE FROM sessions WHERE expires_at < CURRENT_TIMESTAMP(6) LIMIT 1000")
        try db.execute("DELETE FROM portal_flash WHERE expires_at < CURRENT_TIMESTAMP(6) LIMIT 1000")
    }
}
