/// One result row. Columns are read by name with the type the caller asks for; a column the
/// statement did not select, or a value of another type, throws an error naming both.
public struct Row: Sendable {
    let columns: ColumnIndex
    public let values: [Value]

    /// The value of `column` as `T`; NULL decodes only into an optional.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError) -> T {
        let value = try raw(column)
        guard let decoded = T(sqlValue: value) else {
            throw .typeMismatch(column: column, expected: "\(T.self)", found: value.kindName)
        }
        return decoded
    }

    /// A string enum from a module that cannot conform to `SQLEnum` (`ClaimType` lives in Scoring).
    @_disfavoredOverload
    public func decode<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError) -> T
    where T.RawValue == String {
        let value = try raw(column)
        guard let text = String(sqlValue: value), let decoded = T(rawValue: text) else {
            throw .typeMismatch(column: column, expected: "\(T.self)", found: value.kindName)
        }
        return decoded
    }

    /// An optional string enum from a module that cannot conform to `SQLEnum`.
    @_disfavoredOverload
    public func decode<T: RawRepresentable>(_ column: String, as type: T?.Type = T?.self) throws(DatabaseError) -> T?
    where T.RawValue == String {
        let value = try raw(column)
        if value == .null { return nil }
        guard let text = String(sqlValue: value), let decoded = T(rawValue: text) else {
            throw .typeMismatch(column: column, expected: "\(T.self)", found: value.kindName)
        }
        return decoded
    }

    /// The raw value of a column; throws `.missingColumn` when the statement did not select it.
    public func raw(_ column: String) throws(DatabaseError) -> Value {
        guard let index = columns.positions[column] else { throw .missingColumn(column) }
        return values[index]
    }
}

/// Column names of a result, shared by all its rows.
final class ColumnIndex: Sendable {
    let names: [String]
    let positions: [String: Int]

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }
}
