import Common
import JSON

/// Reads typed fields out of a JSON object and collects every problem with its JSON path,
/// so one `ClaimValidationError` can list all of them.
struct FieldReader {
    /// The bound of every amount (README "Limits"): far below `claims.approved_amount
    /// DECIMAL(16,2)` (10¹⁴).
    static let maxAmount: Int64 = 1_000_000_000_000
    /// Item bounds a JSON Schema can state, chosen so that no product or sum needs a check of its
    /// own: `maxItems` × `maxUnitPrice` × `maxQuantity` = 5 × 10¹³ stays below 10¹⁴, the capacity
    /// of `claims.approved_amount DECIMAL(16,2)`. (A bound on the product alone would refuse
    /// requests the published schema calls valid.)
    static let maxUnitPrice: Int64 = 100_000_000
    static let maxQuantity: Int64 = 1_000

    private(set) var errors: [ClaimValidationError.FieldError] = []

    mutating func fail(_ path: String, _ message: String) {
        if errors.count < 100 { errors.append(.init(field: path, message: message)) }
    }

    /// The object at `path`, or nil (absent/null); a non-object is an error.
    mutating func object(_ value: JSONValue?, _ path: String) -> JSONObject? {
        switch value {
        case nil, .null?: return nil
        case .object(let object)?: return object
        default:
            fail(path, "must be an object")
            return nil
        }
    }

    /// Refuses keys outside `allowed` (typos would otherwise be silently ignored).
    mutating func onlyKeys(_ object: JSONObject, _ allowed: Set<String>, _ path: String) {
        for key in object.keys where !allowed.contains(key) {
            fail(path.isEmpty ? key : "\(path).\(key)", "is not a known field")
        }
    }

    mutating func string(_ value: JSONValue?, _ path: String, max: Int, required: Bool = false) -> String? {
        switch value {
        case nil, .null?:
            if required { fail(path, "is required") }
            return nil
        case .string(let text)?:
            if required, text.trimmed.isEmpty {
                fail(path, "must not be empty")
                return nil
            }
            // Columns are utf8mb4 VARCHAR(n), which count code points, not Swift Characters: a
            // letter with a combining accent is one Character but two code points.
            if text.unicodeScalars.count > max {
                fail(path, "must be at most \(max) characters (Unicode code points)")
                return nil
            }
            if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                fail(path, "must not contain control characters")
                return nil
            }
            return text
        default:
            fail(path, "must be a string")
            return nil
        }
    }

    mutating func integer(_ value: JSONValue?, _ path: String, range: ClosedRange<Int64>, required: Bool = false)
        -> Int64?
    {
        switch value {
        case nil, .null?:
            if required { fail(path, "is required") }
            return nil
        case .int(let number)?:
            guard range.contains(number) else {
                fail(path, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            return number
        case .double(let number)? where number.rounded() == number:
            // JSON has one number type: 3.0 is the integer 3 (as JSON Schema's "integer" says).
            guard number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
                fail(path, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            return Int64(number)
        default:
            fail(path, "must be an integer")
            return nil
        }
    }

    mutating func amount(_ value: JSONValue?, _ path: String, required: Bool = false) -> Double? {
        switch value {
        case nil, .null?:
            if required { fail(path, "is required") }
            return nil
        case .int, .double:
            let number = value?.number ?? -1
            guard number >= 0, number <= Double(Self.maxAmount) else {
                fail(path, "must be a number from 0 to 1000000000000")
                return nil
            }
            guard Self.hasAtMostTwoDecimals(number) else {
                fail(path, "must have at most 2 decimal places")
                return nil
            }
            return number
        default:
            fail(path, "must be a number")
            return nil
        }
    }

    /// Judged on the number's shortest round-trip decimal form (`547898793.67`), not on
    /// `number * 100`, whose binary rounding error outgrows any fixed tolerance for large amounts.
    static func hasAtMostTwoDecimals(_ number: Double) -> Bool {
        let text = "\(number)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let fraction = parts[0].split(separator: ".", maxSplits: 1).dropFirst().first
        let digits = fraction.map { $0 == "0" ? 0 : $0.count } ?? 0
        return digits - exponent <= 2
    }

    /// An RFC 3339 date-time as Unix microseconds.
    mutating func timestamp(_ value: JSONValue?, _ path: String, required: Bool = false) -> Int64? {
        guard let text = string(value, path, max: 40, required: required) else { return nil }
        guard let micros = Timestamp.parse(text) else {
            fail(path, "must be an RFC 3339 date-time in years 0001 to 9999, such as 2026-11-22T10:04:10Z")
            return nil
        }
        return micros
    }

    mutating func array(_ value: JSONValue?, _ path: String, max: Int) -> [JSONValue] {
        switch value {
        case nil, .null?: return []
        case .array(let elements)?:
            if elements.count > max {
                fail(path, "must have at most \(max) entries")
                return []
            }
            return elements
        default:
            fail(path, "must be an array")
            return []
        }
    }
}

extension String {
    public var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
