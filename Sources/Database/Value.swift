/// A value bound to a statement parameter or read from a row.
public enum Value: Sendable, Equatable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])
}

extension Value {
    /// What kind of value this is, for error messages.
    public var kindName: String {
        switch self {
        case .null: "NULL"
        case .int: "an integer"
        case .double: "a floating-point number"
        case .text: "text"
        case .blob: "bytes"
        }
    }
}

/// Swift types that bind as statement parameters.
public protocol Bindable: Sendable {
    var databaseValue: Value { get }
}

extension Value: Bindable { public var databaseValue: Value { self } }
extension Int: Bindable { public var databaseValue: Value { .int(Int64(self)) } }
extension Int64: Bindable { public var databaseValue: Value { .int(self) } }
extension UInt32: Bindable { public var databaseValue: Value { .int(Int64(self)) } }
extension Bool: Bindable { public var databaseValue: Value { .int(self ? 1 : 0) } }
extension Double: Bindable { public var databaseValue: Value { .double(self) } }
extension String: Bindable { public var databaseValue: Value { .text(self) } }
extension Substring: Bindable { public var databaseValue: Value { .text(String(self)) } }
extension Array: Bindable where Element == UInt8 { public var databaseValue: Value { .blob(self) } }
extension Optional: Bindable where Wrapped: Bindable {
    public var databaseValue: Value { self?.databaseValue ?? .null }
}
