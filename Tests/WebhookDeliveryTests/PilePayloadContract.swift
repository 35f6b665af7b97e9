import HTTP
import JSON

/// The pile webhook payload of `001_5f26067943e05fce.txt`, field for field: every name, in the
/// document's order, with the type it gives. `check` returns what is wrong with one `data`.
enum PilePayloadContract {
    enum Kind {
        case integer, float, string, timestamp, approvalStatus, stringArray
        case object([(String, Kind)])
        case objects([(String, Kind)])
    }

    static let claim: [(String, Kind)] = [
        ("id", .integer), ("pile_id", .integer), ("ref", .string),
        ("provider", .object([("id", .integer), ("name", .string), ("code", .string)])),
        ("encounter_date", .timestamp), ("enrollee_id", .integer), ("billed_amount", .float),
        ("approved_amount", .float), ("approval_status", .approvalStatus), ("vetted_at", .timestamp),
        ("diagnoses", .objects([("name", .string), ("icd_code", .string)])),
        (
            "items",
            .objects([
                ("ref", .string), ("description", .string), ("unit_price_billed", .integer),
                ("unit_price_approved", .integer), ("qty_billed", .integer), ("qty_approved", .integer),
                ("sub_total_billed", .integer), ("sub_total_approved", .integer), ("comments", .stringArray),
                ("approval_status", .approvalStatus),
            ])
        ),
    ]

    /// Problems with `data`, e.g. `items[0].qty_approved: expected integer`; empty when it matches.
    /// The document's fields must come first and in its order; more fields may follow.
    static func check(_ data: JSONValue) -> [String] {
        check(data, against: claim, path: "")
    }

    private static func check(_ value: JSONValue, against fields: [(String, Kind)], path: String) -> [String] {
        guard case .object(let object) = value else { return ["\(path.isEmpty ? "data" : path): expected object"] }
        var problems: [String] = []
        let names = fields.map(\.0)
        if Array(object.keys.prefix(names.count)) != names {
            problems.append(
                "\(path.isEmpty ? "data" : path): fields \(object.keys.prefix(names.count)) not in order \(names)")
        }
        for (name, kind) in fields {
            let at = path.isEmpty ? name : "\(path).\(name)"
            guard let field = object[name] else {
                problems.append("\(at): missing")
                continue
            }
            problems += check(field, kind, at)
        }
        return problems
    }

    private static func check(_ value: JSONValue, _ kind: Kind, _ at: String) -> [String] {
        switch (kind, value) {
        case (.integer, .int), (.float, .double), (.string, .string), (.approvalStatus, .null):
            return []
        case (.approvalStatus, .int(let status)) where status == 0 || status == 1:
            return []
        case (.timestamp, .string(let text)) where isPayloadTimestamp(text):
            return []
        case (.stringArray, .array(let elements)):
            return elements.allSatisfy { if case .string = $0 { true } else { false } }
                ? [] : ["\(at): expected strings"]
        case (.object(let fields), _):
            return check(value, against: fields, path: at)
        case (.objects(let fields), .array(let elements)):
            return elements.enumerated().flatMap { check($1, against: fields, path: "\(at)[\($0)]") }
        default:
            return ["\(at): expected \(kind), got \(value)"]
        }
    }

    /// `2021-09-05T00:00:00.000000Z`: six fraction digits and Z, as the document shows.
    static func isPayloadTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 27 else { return false }
        let shape = Array("dddd-dd-ddTdd:dd:dd.ddddddZ".utf8)
        return zip(bytes, shape).allSatisfy { byte, expected in
            expected == UInt8(ascii: "d") ? (48...57).contains(byte) : byte == expected
        }
    }
}
