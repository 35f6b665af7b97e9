import Database

/// Slows password guessing without letting anyone lock everyone out (sql/012_sign_in_counters.sql).
///
/// Every attempt *reserves* a slot with one conditional `UPDATE` before the password is checked,
/// so concurrent guesses cannot all slip under a limit: InnoDB's row lock serialises them.
/// - An account takes `accountLimit` untrusted attempts per `windowMinutes`; then it refuses
///   untrusted attempts until the window ends. A success resets it.
/// - A browser holding a valid device cookie for the account (`DeviceCookie`) is trusted: it skips
///   the account and address limits and has its own `accountLimit` per window, keyed by the
///   cookie's nonce, so an attacker hammering an account does not keep its owner out.
/// - A client address takes `ipLimit` failures per window at full speed; after that every attempt
///   must wait (2 s, doubling per failure, at most `maxIPDelaySeconds`), then it is let through:
///   a proxy or NAT full of users is slowed, never locked out. A success gives its slot back.
public struct LoginThrottle {
    public static let accountLimit = 5
    public static let ipLimit = 20
    public static let windowMinutes = 15
    public static let maxIPDelaySeconds = 60

    /// What a counter row counts.
    public enum Scope: Sendable, Equatable {
        case account(email: String)
        case device(nonce: String)
        case ip(String)

        var key: String {
            switch self {
            case .account(let email): "account:" + String(email.prefix(254))
            case .device(let nonce): "device:" + String(nonce.prefix(64))
            case .ip(let address): "ip:" + String(address.prefix(45))
            }
        }
    }

    private let db: Connection

    public init(db: Connection) { self.db = db }

    /// Reserves one attempt at an account or device scope: nil when reserved, otherwise the seconds
    /// until the window ends and a slot frees.
    public func reserve(_ scope: Scope) throws -> Int? {
        try ensureRow(scope)
        let window = Self.windowMinutes
        let reserved = try db.execute(
            """
            UPDATE sign_in_counters SET
              attempts = IF(window_started_at <= CURRENT_TIMESTAMP(6) - INTERVAL \(window) MINUTE, 1, attempts + 1),
              window_started_at = IF(window_started_at <= CURRENT_TIMESTAMP(6) - INTERVAL \(window) MINUTE,
                CURRENT_TIMESTAMP(6), window_started_at)
            WHERE scope = \(scope.key)
              AND (attempts < \(Self.accountLimit) OR window_started_at <= CURRENT_TIMESTAMP(6) - INTERVAL \(window) MINUTE)
            """)
        guard reserved.affectedRows == 0 else { return nil }
        return try secondsUntil("window_started_at + INTERVAL \(window) MINUTE", scope)
    }

    /// Reserves one attempt from a client address: nil when it may go ahead, otherwise the seconds
    /// to wait. Past the limit a reservation holds the address for `maxIPDelaySeconds` (so
    /// concurrent attempts queue) until `failed` or `succeeded` sets the real wait.
    public func reserveAddress(_ address: String) throws -> Int? {
        let scope = Scope.ip(address)
        try ensureRow(scope)
        // `next_at` first: it is computed from the row's old `attempts` and window in both of
        // MariaDB's assignment modes (sequential or simultaneous).
        let window = Self.windowMinutes
        let reserved = try db.execute(
            """
            UPDATE sign_in_counters SET
              next_at = IF(window_started_at > CURRENT_TIMESTAMP(6) - INTERVAL \(window) MINUTE
                  AND attempts + 1 >= \(Self.ipLimit),
                CURRENT_TIMESTAMP(6) + INTERVAL \(Self.maxIPDelaySeconds) SECOND, CURRENT_TIMESTAMP(6)),
              attempts = IF(window_started_at <= CURRENT_TIMESTAMP(6) - INTERVAL \(window) MINUTE, 1, attempts + 1),
              window_started_at = IF(window_started_at <= CURRENT_TIMESTAMP(6) - INTERVAL \(window) MINUTE,
                CURRENT_TIMESTAMP(6), window_started_at)
            WHERE scope = \(scope.key) AND (attempts < \(Self.ipLimit) OR next_at <= CURRENT_TIMESTAMP(6)
              OR window_started_at <= CURRENT_TIMESTAMP(6) - INTERVAL \(window) MINUTE)
            """)
        guard reserved.affectedRows == 0 else { return nil }
        return try secondsUntil("next_at", scope)
    }

    /// A checked password was wrong: the reservations stay counted; past the address limit the next
    /// attempt from the address waits 2^(failures − limit + 1) seconds (at most `maxIPDelaySeconds`),
    /// measured from now, the end of this attempt.
    public func failed(address: String) throws {
        try db.execute(
            """
            UPDATE sign_in_counters
            SET next_at = CURRENT_TIMESTAMP(6)
              + INTERVAL LEAST(\(Self.maxIPDelaySeconds), POW(2, attempts - \(Self.ipLimit) + 1)) SECOND
            WHERE scope = \(Scope.ip(address).key) AND attempts >= \(Self.ipLimit)
            """)
    }

    /// A checked password was right: the account's (or device's) count starts over.
    public func succeeded(_ scope: Scope) throws {
        try db.execute("DELETE FROM sign_in_counters WHERE scope = \(scope.key)")
        // Bounded housekeeping: counters idle for a day count nothing any more.
        try db.execute(
            "DELETE FROM sign_in_counters WHERE window_started_at < CURRENT_TIMESTAMP(6) - INTERVAL 1 DAY LIMIT 100")
    }

    /// Gives an address back the slot `reserveAddress` took, for an attempt that turned out not to
    /// be a failure (the password was right, or the account refused it unchecked).
    public func release(address: String) throws {
        try db.execute(
            """
            UPDATE sign_in_counters SET attempts = GREATEST(attempts - 1, 0), next_at = CURRENT_TIMESTAMP(6)
            WHERE scope = \(Scope.ip(address).key)
            """)
    }

    /// One row per password actually checked: the audit trail (and what tests count).
    public func record(email: String, ip: String, succeeded: Bool, trustedDevice: Bool) throws {
        try db.execute(
            """
            INSERT INTO login_attempts (email, ip, succeeded, trusted_device)
            VALUES (\(String(email.prefix(254))), \(String(ip.prefix(45))), \(succeeded), \(trustedDevice))
            """)
    }

    private func ensureRow(_ scope: Scope) throws {
        try db.execute(
            """
            INSERT IGNORE INTO sign_in_counters (scope, attempts, window_started_at, next_at)
            VALUES (\(scope.key), 0, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))
            """)
    }

    /// Whole seconds (at least 1) from now until the row's `moment` expression.
    private func secondsUntil(_ moment: SQL, _ scope: Scope) throws -> Int {
        let row = try db.first(
            """
            SELECT CAST(CEIL(TIMESTAMPDIFF(MICROSECOND, CURRENT_TIMESTAMP(6), \(moment)) / 1000000) AS SIGNED) AS s
            FROM sign_in_counters WHERE scope = \(scope.key)
            """)
        return max(1, (try row?.decode("s", as: Int?.self)) ?? 1)
    }
}
