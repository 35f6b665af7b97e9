import Database
import Foundation

extension Row {
    /// A `UNIX_TIMESTAMP(…)` column as a `Date`; throws naming the column when it is missing or not
    /// a number.
    func epochDate(_ column: String) throws(DatabaseError) -> Date {
        Date(timeIntervalSince1970: try decode(column, as: Double.self))
    }

    /// The same for a nullable column: NULL is nil.
    func optionalEpochDate(_ column: String) throws(DatabaseError) -> Date? {
        try decode(column, as: Double?.self).map(Date.init(timeIntervalSince1970:))
    }
}
