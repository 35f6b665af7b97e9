import CMariaDB

#if canImport(Glibc)
    import Glibc
#endif

/// The outcome of a statement that changes rows.
public struct ExecResult: Sendable {
    public let affectedRows: Int
    public let lastInsertID: Int
}

/// One MariaDB connection, owned by one thread for its whole life, with a prepared-statement cache.
///
/// There is no automatic reconnect (`MYSQL_OPT_RECONNECT` would silently drop transactions and
/// invalidate statements): when a call finds the connection gone it throws `.unavailable`, forgets
/// every statement, and the next call connects afresh and prepares them again.
public final class Connection {
    private let config: DatabaseConfig
    private let multiStatements: Bool
    private var handle: UnsafeMutablePointer<MYSQL>?
    private var statements: [String: Statement] = [:]
    private var transactionDepth = 0
    /// The session's `max_statement_time` as last set here (0: unlimited, the server's default).
    private var statementLimit = 0.0
    /// When the current request must be done: a statement or commit after it throws `.timedOut`,
    /// and MariaDB's `max_statement_time` keeps each statement within the time left (so a lock
    /// wait or a slow query is cut off too). Nil for background threads: no limit.
    public var deadline: ContinuousClock.Instant?
    /// How many times this connection was (re)established; tests read it to see a reconnect happen.
    public private(set) var connectCount = 0

    public init(config: DatabaseConfig, multiStatements: Bool = false) {
        self.config = config
        self.multiStatements = multiStatements
    }

    deinit { close() }

    /// Drops the connection and its statements.
    public func close() {
        statements.removeAll()
        if let handle { mysql_close(handle) }
        handle = nil
        transactionDepth = 0
    }

    /// Runs a statement that returns no rows.
    @discardableResult
    public func execute(_ sql: SQL) throws(DatabaseError) -> ExecResult {
        let result = try run(sql.text, sql.values)
        return ExecResult(affectedRows: result.affected, lastInsertID: result.insertID)
    }

    /// Runs a query and returns all its rows.
    public func query(_ sql: SQL) throws(DatabaseError) -> [Row] {
        try run(sql.text, sql.values).rows
    }

    /// Runs a query and decodes every row as `T`.
    public func query<T: RowDecodable>(_ sql: SQL, as type: T.Type) throws -> [T] {
        try run(sql.text, sql.values).rows.map(T.init(row:))
    }

    /// The first row of a query, or nil.
    public func first(_ sql: SQL) throws(DatabaseError) -> Row? {
        try run(sql.text, sql.values).rows.first
    }

    /// The first row of a query decoded as `T`, or nil.
    public func first<T: RowDecodable>(_ sql: SQL, as type: T.Type) throws -> T? {
        try run(sql.text, sql.values).rows.first.map(T.init(row:))
    }

    /// A round trip that proves the server answers.
    public func ping() throws(DatabaseError) {
        _ = try run("SELECT 1", [])
    }

    /// Runs `body` in a transaction; commits when it returns, rolls back when it throws.
    @discardableResult
    /// Deadlocks and lock wait timeouts re-run the whole body up to `retries` more times.
    public func transaction<T>(retries: Int = 2, _ body: () throws -> T) throws -> T {
        precondition(transactionDepth == 0, "nested transactions are not supported")
        var attempt = 0
        while true {
            do {
                try raw("START TRANSACTION")
                transactionDepth = 1
                let value = try body()
                try checkDeadline()
                try raw("COMMIT")
                transactionDepth = 0
                return value
            } catch let error as DatabaseError {
                rollbackQuietly()
                if case .retryable = error, attempt < retries {
                    attempt += 1
                    continue
                }
                throw error
            } catch {
                rollbackQuietly()
                throw error
            }
        }
    }

    /// Executes text holding several statements (migrations only; needs `multiStatements`).
    public func executeScript(_ sql: String) throws(DatabaseError) {
        precondition(multiStatements, "scripts need a connection opened with multiStatements")
        let connection = try connected()
        let rc = sql.withCString { mysql_real_query(connection, $0, UInt(strlen($0))) }
        var failure: DatabaseError? = rc != 0 ? lastError(connection) : nil
        repeat {
            if let result = mysql_store_result(connection) { mysql_free_result(result) }
            if failure == nil, mysql_errno(connection) != 0 { failure = lastError(connection) }
        } while mysql_next_result(connection) == 0
        if failure == nil, mysql_errno(connection) != 0 { failure = lastError(connection) }
        if let failure { throw failure }
    }

    private func rollbackQuietly() {
        if transactionDepth > 0, handle != nil { try? raw("ROLLBACK") }
        transactionDepth = 0
    }

    /// Fixed SQL with no values (transaction control); never called with client input.
    private func raw(_ sql: StaticString) throws(DatabaseError) {
        let connection = try connected()
        let rc = sql.withUTF8Buffer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mysql_real_query(connection, $0.baseAddress, UInt($0.count)) }
        }
        if rc != 0 { throw noteFailure(lastError(connection)) }
    }

    func run(_ sql: String, _ values: [Value]) throws(DatabaseError) -> (
        rows: [Row], affected: Int, insertID: Int
    ) {
        let connection = try connected()
        do {
            let limit = try checkDeadline()
            if limit != statementLimit {
                _ = try prepared("SET SESSION max_statement_time = ?", connection).run([.double(limit)])
                statementLimit = limit
            }
            return try prepared(sql, connection).run(values)
        } catch {
            throw noteFailure(error)
        }
    }

    private func prepared(_ sql: String, _ connection: UnsafeMutablePointer<MYSQL>) throws(DatabaseError) -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try Statement(connection: connection, sql: sql)
        if statements.count >= 512 { statements.removeAll() }
        statements[sql] = statement
        return statement
    }

    /// Throws `.timedOut` past the deadline; otherwise the `max_statement_time` the next statement
    /// should run under: the time left, rounded down (whole seconds above 2 s, tenths below, so a
    /// quick request re-sets nothing), or 0 without a deadline.
    @discardableResult
    private func checkDeadline() throws(DatabaseError) -> Double {
        guard let deadline else { return 0 }
        let left = ContinuousClock.now.duration(to: deadline)
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
        guard seconds > 0.05 else { throw .timedOut }
        return seconds >= 2 ? seconds.rounded(.down) : max(0.05, (seconds * 10).rounded(.down) / 10)
    }

    /// Forgets the connection when an error says it is gone.
    private func noteFailure(_ error: DatabaseError) -> DatabaseError {
        if case .unavailable = error { close() }
        return error
    }

    /// True when an idle connection's socket is readable: the server has nothing to say between
    /// statements unless it closed the connection (restart, KILL, timeout). One poll, no round trip,
    /// so a thread that slept through a MariaDB restart reconnects instead of failing a request.
    private static func peerClosed(_ connection: UnsafeMutablePointer<MYSQL>) -> Bool {
        var probe = pollfd(fd: Int32(mysql_get_socket(connection)), events: Int16(POLLIN), revents: 0)
        return poll(&probe, 1, 0) > 0 && probe.revents != 0
    }

    private func lastError(_ connection: UnsafeMutablePointer<MYSQL>) -> DatabaseError {
        DatabaseError.classify(code: mysql_errno(connection), message: String(cString: mysql_error(connection)))
    }

    private func connected() throws(DatabaseError) -> UnsafeMutablePointer<MYSQL> {
        if let handle {
            guard transactionDepth == 0, Self.peerClosed(handle) else { return handle }
            close()
        }
        guard let connection = mysql_init(nil) else { throw .unavailable("out of memory") }
        var connectTimeout = config.connectTimeoutSeconds
        var ioTimeout = config.ioTimeoutSeconds
        mysql_options(connection, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
        mysql_options(connection, MYSQL_OPT_READ_TIMEOUT, &ioTimeout)
        mysql_options(connection, MYSQL_OPT_WRITE_TIMEOUT, &ioTimeout)
        mysql_options(connection, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        mysql_options(
            connection, MYSQL_INIT_COMMAND,
            "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'")
        let flags = multiStatements ? UInt(CLIENT_MULTI_STATEMENTS) : 0
        let ok = mysql_real_connect(
            connection, config.socket.isEmpty ? config.host : nil, config.user, config.password, config.name,
            config.socket.isEmpty ? config.port : 0, config.socket.isEmpty ? nil : config.socket, flags)
        guard ok != nil else {
            let message = String(cString: mysql_error(connection))
            mysql_close(connection)
            throw .unavailable(message)
        }
        handle = connection
        statementLimit = 0
        connectCount += 1
        return connection
    }
}
