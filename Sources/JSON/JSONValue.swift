/// A JSON document with integers kept apart from other numbers and object keys kept in order.
///
/// Claim validation needs to tell `2` from `2.0` from `true` and report fields by path; Foundation's
/// `JSONSerialization` blurs those, so requests are parsed into this instead.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The value as a Double when it is any number.
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// An ordered JSON object (insertion order; duplicate keys are refused by the parser).
///
/// Objects above `indexThreshold` keys also keep a dictionary from key to position, so lookups
/// and inserts cost O(1) and parsing an object of n keys costs O(n), not O(n²); small objects
/// (nearly all of them: a claim, an item) scan their few entries, which is faster than hashing.
/// The order stays the document's (health claims echo their fields in the pile payload's order).
public struct JSONObject: Sendable, Equatable {
    public private(set) var entries: [(key: String, value: JSONValue)] = []
    private var positions: [String: Int]? = nil
    static let indexThreshold = 16

    public init() {}

    public init(_ entries: [(String, JSONValue)]) {
        for (key, value) in entries { self[key] = value }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }

    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// Appends `value` under a key not present yet; false (and nothing changed) when it is.
    public mutating func insertNew(_ key: String, _ value: JSONValue) -> Bool {
        guard position(of: key) == nil else { return false }
        append(key, value)
        return true
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        entries.append((key, value))
        if positions != nil {
            positions?[key] = entries.count - 1
        } else if entries.count > Self.indexThreshold {
            reindex()
        }
    }

    private mutating func reindex() {
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count * 2)
        for (position, entry) in entries.enumerated() { index[entry.key] = position }
        positions = index
    }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let index = position(of: key) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    // Removal is rare (building responses): drop the index and rebuild it if needed.
                    entries.remove(at: index)
                    positions = nil
                    if entries.count > Self.indexThreshold { reindex() }
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }
}
