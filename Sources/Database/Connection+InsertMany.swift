extension Connection {
    /// Inserts many rows with few distinct statement texts: rows go in chunks of 64, 16, 4 and 1,
    /// so the prepared-statement cache holds at most four texts per table however many rows come.
    ///
    /// `prefix` is e.g. `INSERT INTO t (a, b) VALUES`; every row must have `columns` values.
    public func insertMany(_ prefix: String, columns: Int, rows: [[any Bindable]]) throws(DatabaseError) {
        let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        var index = 0
        for chunk in [64, 16, 4, 1] {
            while rows.count - index >= chunk {
                let sql = prefix + " " + Array(repeating: tuple, count: chunk).joined(separator: ", ")
                var values: [any Bindable] = []
                values.reserveCapacity(chunk * columns)
                for row in rows[index..<index + chunk] {
                    precondition(row.count == columns, "row has \(row.count) values, expected \(columns)")
                    values += row
                }
                try execute(sql, values: values)
                index += chunk
            }
        }
    }
}
