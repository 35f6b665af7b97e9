/// One result row; columns are read by name with the type the caller expects.
public struct Row: Sendable {
    let columns: ColumnIndex
    public let values: [Value]

    /// The raw value of a column, `.null` when the column does not exist.
    public subscript(name: String) -> Value {
        guard let index = columns.positions[name] else { return .null }
        return values[index]
    }

    public func isNull(_ name: String) -> Bool { self[name] == .null }

    public func int(_ name: String) throws(DatabaseError) -> Int {
        guard let value = optionalInt(name) else { throw .typeMismatch(column: name, expected: "an integer") }
        return value
    }

    public func optionalInt(_ name: String) -> Int? {
        switch self[name] {
        case .int(let value): Int(value)
        case .text(let text): Int(text)
        case .double(let value): Int(exactly: value)
        default: nil
        }
    }

    public func string(_ name: String) throws(DatabaseError) -> String {
        guard let value = optionalString(name) else { throw .typeMismatch(column: name, expected: "text") }
        return value
    }

    public func optionalString(_ name: String) -> String? {
        switch self[name] {
        case .text(let text): text
        case .blob(let bytes): String(validating: bytes, as: UTF8.self)
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .null: nil
        }
    }

    public func double(_ name: String) throws(DatabaseError) -> Double {
        guard let value = optionalDouble(name) else { throw .typeMismatch(column: name, expected: "a number") }
        return value
    }

    public func optionalDouble(_ name: String) -> Double? {
        switch self[name] {
        case .double(let value): value
        case .int(let value): Double(value)
        case .text(let text): Double(text)
        default: nil
        }
    }

    public func bool(_ name: String) throws(DatabaseError) -> Bool { try int(name) != 0 }

    public func bytes(_ name: String) -> [UInt8]? {
        switch self[name] {
        case .blob(let bytes): bytes
        case .text(let text): Array(text.utf8)
        default: nil
        }
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
