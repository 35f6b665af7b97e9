/// Ordered name/value pairs from a query string or an `application/x-www-form-urlencoded` body.
public struct QueryItems: Sendable, Equatable {
    public private(set) var items: [(name: String, value: String)] = []

    public init() {}

    public init(_ items: [(String, String)]) { self.items = items.map { (name: $0.0, value: $0.1) } }

    /// Parses `a=1&b=x+y`; malformed percent escapes or invalid UTF-8 are a 400.
    public init(parsing text: String) throws(HTTPError) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try PercentDecoding.decode(pieces[0], plusAsSpace: true)
            let value = pieces.count > 1 ? try PercentDecoding.decode(pieces[1], plusAsSpace: true) : ""
            items.append((name, value))
        }
    }

    public static func == (lhs: QueryItems, rhs: QueryItems) -> Bool {
        lhs.items.elementsEqual(rhs.items) { $0.name == $1.name && $0.value == $1.value }
    }

    /// The first value for a name.
    public subscript(name: String) -> String? { items.first { $0.name == name }?.value }

    /// Every value for a name, in order.
    public func values(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

    public var isEmpty: Bool { items.isEmpty }
}

/// Percent-decoding shared by paths, queries and forms.
public enum PercentDecoding {
    public static func decode(_ text: Substring, plusAsSpace: Bool) throws(HTTPError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .badRequest("Malformed percent-encoding.")
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw .badRequest("The request contains invalid UTF-8.")
        }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}
