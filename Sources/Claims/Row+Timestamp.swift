import Common
import Database

extension Row {
    /// A `DATETIME(6)` column (UTC) as Unix microseconds; NULL, or text that is no such time,
    /// throws an error naming the column.
    func timestamp(_ column: String) throws(DatabaseError) -> Int64 {
        guard let micros = try optionalTimestamp(column) else {
            throw .typeMismatch(column: column, expected: "a DATETIME", found: "NULL")
        }
        return micros
    }

    /// A nullable `DATETIME(6)` column as Unix microseconds, nil for NULL.
    func optionalTimestamp(_ column: String) throws(DatabaseError) -> Int64? {
        guard let text = try decode(column, as: String?.self) else { return nil }
        guard let micros = Timestamp.fromSQL(text) else {
            throw .typeMismatch(column: column, expected: "a DATETIME", found: "text")
        }
        return micros
    }
}
