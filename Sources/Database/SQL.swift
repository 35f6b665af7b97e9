/// A statement and its bound values, built by string interpolation: an interpolated value becomes a
/// `?` placeholder with the value bound to it, so nothing a client sends is ever SQL text.
///
///     let sql: SQL = "SELECT \(StoredClaim.columns) FROM claims WHERE case_id = \(caseID) AND id = \(id)"
///
/// Text that is not a value must be asked for: `\(SQLColumns)` for a record's declared columns,
/// `\(SQL)` to embed a fragment built the same way, `\(list:)` for an `IN (…)` list, and
/// `\(unsafeRaw:)` for a fixed piece of SQL chosen by the program (never by a request).
public struct SQL: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `?` placeholders: the key of the prepared-statement cache.
    public private(set) var text: String
    /// The values for the placeholders, in order.
    public private(set) var values: [Value]

    public init(stringLiteral text: String) {
        self.text = text
        self.values = []
    }

    public init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
        values = stringInterpolation.values
    }

    /// Fixed text chosen by the program, with no values (the name says what the caller vouches for).
    public init(unsafeRaw text: String) {
        self.text = text
        self.values = []
    }

    public var description: String { text }

    /// Appends another fragment and its values.
    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var sum = lhs
        sum.text += rhs.text
        sum.values += rhs.values
        return sum
    }

    public static func += (lhs: inout SQL, rhs: SQL) { lhs = lhs + rhs }

    /// Fragments joined by `separator` (e.g. `AND` between optional filters).
    public static func joined(_ parts: [SQL], separator: String) -> SQL {
        var result = SQL(stringLiteral: "")
        for (index, part) in parts.enumerated() {
            if index > 0 { result.text += separator }
            result += part
        }
        return result
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""
        var values: [Value] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 2)
            values.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { text += literal }

        /// A bound value: `?` in the text.
        public mutating func appendInterpolation(_ value: some Bindable) {
            text += "?"
            values.append(value.databaseValue)
        }

        /// An optional value: NULL when nil.
        public mutating func appendInterpolation<T: Bindable>(_ value: T?) {
            text += "?"
            values.append(value?.databaseValue ?? .null)
        }

        /// A string enum (`ClaimType`, `Environment`, a status) binds as its raw value.
        @_disfavoredOverload
        public mutating func appendInterpolation<T: RawRepresentable>(_ value: T) where T.RawValue == String {
            text += "?"
            values.append(.text(value.rawValue))
        }

        /// An optional string enum: NULL when nil.
        @_disfavoredOverload
        public mutating func appendInterpolation<T: RawRepresentable>(_ value: T?) where T.RawValue == String {
            text += "?"
            values.append(value.map { .text($0.rawValue) } ?? .null)
        }

        /// A fragment built the same way; its values follow in order.
        public mutating func appendInterpolation(_ fragment: SQL) {
            text += fragment.text
            values += fragment.values
        }

        /// A record's declared columns (trusted: they are static strings).
        public mutating func appendInterpolation(_ columns: SQLColumns) { text += columns.text }

        /// `?, ?, …` for an `IN (…)` list, padded (repeating its last value) to 1, 4, 16, 64, 256 or
        /// a multiple of 256 so a varying length gives few statement texts; empty gives `NULL`,
        /// which matches nothing (`IN ()` is not SQL). Repeating a value changes no `IN` result.
        public mutating func appendInterpolation(list: [some Bindable]) {
            guard let last = list.last else {
                text += "NULL"
                return
            }
            let size = [1, 4, 16, 64, 256].first { $0 >= list.count } ?? (list.count + 255) / 256 * 256
            text += Array(repeating: "?", count: size).joined(separator: ", ")
            values += list.map(\.databaseValue)
            values += Array(repeating: last.databaseValue, count: size - list.count)
        }

        /// Fixed SQL text chosen by the program (an `ORDER BY` direction, a table name from a
        /// constant). Never pass anything derived from a request.
        public mutating func appendInterpolation(unsafeRaw text: String) { self.text += text }
    }
}

/// The columns a record reads, declared once beside it from static strings, so interpolating
/// them into SQL is safe.
public struct SQLColumns: Sendable, Hashable, ExpressibleByArrayLiteral {
    public let names: [String]

    public init(arrayLiteral names: StaticString...) {
        self.names = names.map { $0.description }
    }

    private init(names: [String]) { self.names = names }

    /// `a, b, c`.
    public var text: String { names.joined(separator: ", ") }

    /// The same columns read through a table alias: `c.a, c.b, c.c`.
    public func qualified(_ alias: StaticString) -> SQLColumns {
        SQLColumns(names: names.map { "\(alias).\($0)" })
    }

    /// These columns followed by more (a joined table's, say).
    public static func + (lhs: SQLColumns, rhs: SQLColumns) -> SQLColumns {
        SQLColumns(names: lhs.names + rhs.names)
    }
}
