extension Connection {
    /// Inserts many rows into `table` in as few statements as possible: up to 64 rows go in one
    /// statement, more in chunks of 64, so at most 64 statement texts per table reach the
    /// prepared-statement cache.
    ///
    /// Every row must have one value per column (else `DatabaseError.failed` before anything is
    /// sent: rows may be built from request data).
    public func insertMany(into table: StaticString, columns: SQLColumns, rows: [[any Bindable]]) throws(DatabaseError)
    {
        let count = columns.names.count
        let tuple = "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
        let prefix = "INSERT INTO \(table) (\(columns.text)) VALUES "
        var index = 0
        while index < rows.count {
            let chunk = min(64, rows.count - index)
            var values: [Value] = []
            values.reserveCapacity(chunk * count)
            for row in rows[index..<index + chunk] {
                guard row.count == count else {
                    throw .failed(code: 0, message: "insertMany: a row has \(row.count) values, expected \(count)")
                }
                values += row.map(\.databaseValue)
            }
            _ = try run(prefix + Array(repeating: tuple, count: chunk).joined(separator: ", "), values)
            index += chunk
        }
    }
}
