// TRANSITIONAL (issue 11): the plain-string form, deleted with its last caller.
extension Connection {
    /// Inserts many rows in as few statements as possible: up to 64 rows go in one statement,
    /// more in chunks of 64. At most 64 statement texts per table reach the prepared-statement cache.
    ///
    /// `prefix` is e.g. `INSERT INTO t (a, b) VALUES`; every row must have `columns` values (else
    /// `DatabaseError.failed` before anything is sent).
    public func legacyInsertMany(_ prefix: String, columns: Int, rows: [[any Bindable]]) throws(DatabaseError) {
        let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        var index = 0
        while index < rows.count {
            let chunk = min(64, rows.count - index)
            let sql = prefix + " " + Array(repeating: tuple, count: chunk).joined(separator: ", ")
            var values: [any Bindable] = []
            values.reserveCapacity(chunk * columns)
            for row in rows[index..<index + chunk] {
                // A thrown error, not a trap: rows may be built from request data.
                guard row.count == columns else {
                    throw .failed(code: 0, message: "insertMany: a row has \(row.count) values, expected \(columns)")
                }
                values += row
            }
            try legacyExecute(sql, values: values)
            index += chunk
        }
    }
}
