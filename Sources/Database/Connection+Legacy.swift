// TRANSITIONAL (issue 11): plain-string statements, kept until every store builds its statements
// as `SQL`; this file is deleted when the last caller is gone.
extension Connection {
    /// Runs a statement that returns no rows.
    @discardableResult
    public func legacyExecute(_ sql: String, _ values: any Bindable...) throws(DatabaseError) -> ExecResult {
        try legacyExecute(sql, values: values)
    }

    @discardableResult
    public func legacyExecute(_ sql: String, values: [any Bindable]) throws(DatabaseError) -> ExecResult {
        let result = try run(sql, values.map(\.databaseValue))
        return ExecResult(affectedRows: result.affected, lastInsertID: result.insertID)
    }

    /// Runs a query and returns all its rows.
    public func legacyQuery(_ sql: String, _ values: any Bindable...) throws(DatabaseError) -> [Row] {
        try legacyQuery(sql, values: values)
    }

    public func legacyQuery(_ sql: String, values: [any Bindable]) throws(DatabaseError) -> [Row] {
        try run(sql, values.map(\.databaseValue)).rows
    }

    /// The first row of a query, or nil.
    public func legacyFirst(_ sql: String, _ values: any Bindable...) throws(DatabaseError) -> Row? {
        try run(sql, values.map(\.databaseValue)).rows.first
    }
}
