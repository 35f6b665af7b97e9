import Database

/// Slows password guessing: after `emailLimit` failures for one address, or `ipLimit` failures from
/// one IP, within `windowMinutes`, sign-in is refused until the window has passed. Attempts live in
/// MariaDB, so every worker process sees the same counts.
public struct LoginThrottle {
    public static let emailLimit = 5
    public static let ipLimit = 20
    public static let windowMinutes = 15

    private let db: Connection

    public init(db: Connection) { self.db = db }

    /// True when another attempt for this address from this IP must be refused. A success resets the
    /// count for the address (not for the IP, which may be guessing at many addresses).
    public func isBlocked(email: String, ip: String) throws -> Bool {
        let byEmail = try db.first(
            """
            SELECT COUNT(*) AS n FROM login_attempts
            WHERE email = ? AND succeeded = 0 AND created_at > CURRENT_TIMESTAMP(6) - INTERVAL ? MINUTE
              AND id > COALESCE((SELECT MAX(id) FROM login_attempts WHERE email = ? AND succeeded = 1), 0)
            """, email, Self.windowMinutes, email)
        if try (byEmail?.int("n") ?? 0) >= Self.emailLimit { return true }
        let byIP = try db.first(
            """
            SELECT COUNT(*) AS n FROM login_attempts
            WHERE ip = ? AND succeeded = 0 AND created_at > CURRENT_TIMESTAMP(6) - INTERVAL ? MINUTE
            """, ip, Self.windowMinutes)
        return try (byIP?.int("n") ?? 0) >= Self.ipLimit
    }

    public func record(email: String, ip: String, succeeded: Bool) throws {
        try db.execute(
            "INSERT INTO login_attempts (email, ip, succeeded) VALUES (?, ?, ?)", String(email.prefix(254)),
            String(ip.prefix(45)), succeeded)
    }
}
