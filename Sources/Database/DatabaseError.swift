/// Database failures, sorted by what the caller can do about them.
public enum DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The server cannot be reached or the connection dropped; the connection reconnects on next use.
    case unavailable(String)
    /// A unique key was violated (MariaDB 1062); `key` names the index when known.
    case duplicateKey(key: String)
    /// Deadlock or lock wait timeout: the whole transaction may be retried.
    case retryable(code: UInt32, message: String)
    /// Any other server or client error. The message is for logs only, never for clients.
    case failed(code: UInt32, message: String)
    /// A migration file differs from the one applied earlier.
    case migrationChanged(name: String)
    case migrationFailed(name: String, message: String)
    /// A value in a row was not of the type asked for.
    case typeMismatch(column: String, expected: String, found: String)
    /// A record read a column its statement did not select (a misspelled name, a forgotten column).
    case missingColumn(String)
    /// The request's deadline passed (before a statement, or MariaDB's `max_statement_time` cut one off).
    case timedOut

    public var description: String {
        switch self {
        case .unavailable(let message): "database unavailable: \(message)"
        case .duplicateKey(let key): "duplicate key \(key)"
        case .retryable(let code, let message): "retryable database error \(code): \(message)"
        case .failed(let code, let message): "database error \(code): \(message)"
        case .migrationChanged(let name): "migration \(name) was changed after it was applied; refusing to run"
        case .migrationFailed(let name, let message): "migration \(name) failed: \(message)"
        case .typeMismatch(let column, let expected, let found): "column \(column) holds \(found), not \(expected)"
        case .missingColumn(let column): "column \(column) is not in the result"
        case .timedOut: "the request's deadline passed"
        }
    }

    /// Client error codes that mean the connection is gone (CR_* 2002–2055, server shutdown, killed).
    static func isConnectionLoss(_ code: UInt32) -> Bool {
        [2002, 2003, 2005, 2006, 2013, 2026, 2055, 1053, 1927, 4031].contains(code)
    }

    static func classify(code: UInt32, message: String) -> DatabaseError {
        switch code {
        case _ where isConnectionLoss(code): .unavailable(message)
        case 1062: .duplicateKey(key: Self.keyName(in: message))
        case 1205, 1213: .retryable(code: code, message: message)
        case 1969: .timedOut
        default: .failed(code: code, message: message)
        }
    }

    /// "Duplicate entry 'x' for key 'claims_ref'" → "claims_ref".
    private static func keyName(in message: String) -> String {
        guard let range = message.range(of: "for key '", options: .backwards) else { return "" }
        return String(message[range.upperBound...].prefix { $0 != "'" })
    }
}
