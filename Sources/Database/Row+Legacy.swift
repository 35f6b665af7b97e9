// TRANSITIONAL (issue 11): the name-based accessors that stores use until they decode with
// `decode(_:as:)`; this file is deleted when the last caller is gone.
extension Row {
    /// The raw value of a column, `.null` when the column does not exist.
    public subscript(legacy name: String) -> Value {
        guard let index = columns.positions[name] else { return .null }
        return values[index]
    }

    public func isNull(_ name: String) -> Bool { self[legacy: name] == .null }

    public func int(_ name: String) throws(DatabaseError) -> Int {
        guard let value = optionalInt(name) else {
            throw .typeMismatch(column: name, expected: "an integer", found: "another type")
        }
        return value
    }

    public func optionalInt(_ name: String) -> Int? {
        switch self[legacy: name] {
        case .int(let value): Int(value)
        case .text(let text): Int(text)
        case .double(let value): Int(exactly: value)
        default: nil
        }
    }

    public func string(_ name: String) throws(DatabaseError) -> String {
        guard let value = optionalString(name) else {
            throw .typeMismatch(column: name, expected: "text", found: "another type")
        }
        return value
    }

    public func optionalString(_ name: String) -> String? {
        switch self[legacy: name] {
        case .text(let text): text
        case .blob(let bytes): String(validating: bytes, as: UTF8.self)
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .null: nil
        }
    }

    public func double(_ name: String) throws(DatabaseError) -> Double {
        guard let value = optionalDouble(name) else {
            throw .typeMismatch(column: name, expected: "a number", found: "another type")
        }
        return value
    }

    public func optionalDouble(_ name: String) -> Double? {
        switch self[legacy: name] {
        case .double(let value): value
        case .int(let value): Double(value)
        case .text(let text): Double(text)
        default: nil
        }
    }

    public func bool(_ name: String) throws(DatabaseError) -> Bool { try int(name) != 0 }

    public func bytes(_ name: String) -> [UInt8]? {
        switch self[legacy: name] {
        case .blob(let bytes): bytes
        case .text(let text): Array(text.utf8)
        default: nil
        }
    }
}
