import Database

/// Lenient readers for fixtures that inspect a row: a NULL or absent column is nil for the
/// `optional…` forms; the throwing forms name the column.
extension Row {
    public func int(_ name: String) throws(DatabaseError) -> Int { try decode(name) }
    public func string(_ name: String) throws(DatabaseError) -> String { try decode(name) }
    public func double(_ name: String) throws(DatabaseError) -> Double { try decode(name) }
    public func bool(_ name: String) throws(DatabaseError) -> Bool { try decode(name) }
    public func optionalInt(_ name: String) -> Int? { (try? decode(name, as: Int?.self)) ?? nil }
    public func optionalString(_ name: String) -> String? { (try? decode(name, as: String?.self)) ?? nil }
    public func optionalDouble(_ name: String) -> Double? { (try? decode(name, as: Double?.self)) ?? nil }
    public func bytes(_ name: String) -> [UInt8]? { (try? decode(name, as: [UInt8]?.self)) ?? nil }
    public func isNull(_ name: String) -> Bool { (try? raw(name)) == .null }
}
