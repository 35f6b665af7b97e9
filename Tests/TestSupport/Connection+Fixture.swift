import Database

/// Test fixtures write and read rows the stores do not expose (a forged timestamp, a counter to
/// check) with short statements: the text keeps `?` placeholders and the values follow, as in a
/// SQL console. Each placeholder still becomes a bound value of an `SQL`, so fixtures go through the
/// same typed path as the stores; only tests use this form.
extension Connection {
    @discardableResult
    public func fixtureExecute(_ text: String, _ values: any Bindable...) throws(DatabaseError) -> ExecResult {
        try execute(SQL.fixture(text, values))
    }

    @discardableResult
    public func fixtureExecute(_ text: String, values: [any Bindable]) throws(DatabaseError) -> ExecResult {
        try execute(SQL.fixture(text, values))
    }

    public func fixtureQuery(_ text: String, _ values: any Bindable...) throws(DatabaseError) -> [Row] {
        try query(SQL.fixture(text, values))
    }

    public func fixtureQuery(_ text: String, values: [any Bindable]) throws(DatabaseError) -> [Row] {
        try query(SQL.fixture(text, values))
    }

    public func fixtureFirst(_ text: String, _ values: any Bindable...) throws(DatabaseError) -> Row? {
        try first(SQL.fixture(text, values))
    }
}

extension SQL {
    /// `text` with each `?` bound, in order, to the next of `values` (a test's statement; a `?`
    /// inside a quoted literal is not supported, and fixtures never write one). A count that does
    /// not match is sent as it is, so the server or the statement refuses it with an error.
    public static func fixture(_ text: String, _ values: [any Bindable]) -> SQL {
        let pieces = text.split(separator: "?", omittingEmptySubsequences: false).map(String.init)
        var sql = SQL(unsafeRaw: pieces[0])
        for (index, piece) in pieces.dropFirst().enumerated() {
            sql += index < values.count ? "\(values[index])" : SQL(unsafeRaw: "?")
            sql += SQL(unsafeRaw: piece)
        }
        for value in values.dropFirst(pieces.count - 1) { sql += ", \(value)" }
        return sql
    }
}
