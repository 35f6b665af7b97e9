/// A Swift type a column value decodes to. A wrong type is an error that names the column and the
/// type asked for, never a silent nil.
public protocol SQLDecodable {
    /// Nil when `value` is not of this type; `Row.decode` turns that into `.typeMismatch`.
    init?(sqlValue value: Value)
    /// True for `Optional`: a NULL decodes to nil instead of failing.
    static var acceptsNull: Bool { get }
}

extension SQLDecodable {
    public static var acceptsNull: Bool { false }
}

extension Int: SQLDecodable {
    public init?(sqlValue value: Value) {
        switch value {
        case .int(let int): self.init(exactly: int)
        case .text(let text): self.init(text)
        case .double(let double): self.init(exactly: double)
        default: return nil
        }
    }
}

extension Int64: SQLDecodable {
    public init?(sqlValue value: Value) {
        switch value {
        case .int(let int): self = int
        case .text(let text): self.init(text)
        case .double(let double): self.init(exactly: double)
        default: return nil
        }
    }
}

extension Double: SQLDecodable {
    public init?(sqlValue value: Value) {
        switch value {
        case .double(let double): self = double
        case .int(let int): self.init(int)
        case .text(let text): self.init(text)
        default: return nil
        }
    }
}

extension Bool: SQLDecodable {
    public init?(sqlValue value: Value) {
        guard let int = Int(sqlValue: value) else { return nil }
        self = int != 0
    }
}

extension String: SQLDecodable {
    public init?(sqlValue value: Value) {
        switch value {
        case .text(let text): self = text
        case .blob(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            self = text
        case .int(let int): self = String(int)
        case .double(let double): self = String(double)
        case .null: return nil
        }
    }
}

extension Array: SQLDecodable where Element == UInt8 {
    public init?(sqlValue value: Value) {
        switch value {
        case .blob(let bytes): self = bytes
        case .text(let text): self = Array(text.utf8)
        default: return nil
        }
    }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    public init?(sqlValue value: Value) {
        if value == .null {
            self = .none
        } else if let wrapped = Wrapped(sqlValue: value) {
            self = .some(wrapped)
        } else {
            return nil
        }
    }

    public static var acceptsNull: Bool { true }
}

/// A string enum stored as its raw value (`ClaimType`, `Environment`, a status) conforms with no
/// code: `extension PileRecord.Status: SQLEnum {}`. Types from modules that cannot import
/// `Database` decode through `Row.decode(_:as:)`'s `RawRepresentable` overload instead.
public protocol SQLEnum: RawRepresentable, Bindable, SQLDecodable where RawValue == String {}

extension SQLEnum {
    public var databaseValue: Value { .text(rawValue) }

    public init?(sqlValue value: Value) {
        guard let raw = String(sqlValue: value) else { return nil }
        self.init(rawValue: raw)
    }
}

/// A record read from a result row. It declares the columns it reads once (`columns`, used in the
/// statement's select list) and decodes them with `Row.decode`, which throws for a missing column
/// or a wrong type.
public protocol RowDecodable {
    static var columns: SQLColumns { get }
    init(row: Row) throws
}
