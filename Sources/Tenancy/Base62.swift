/// The base62 alphabet of API keys (0-9, A-Z, a-z): safe in URLs, headers and double-click selection.
public enum Base62 {
    public static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// `count` uniformly random characters (rejection sampling, no modulo bias).
    public static func random(count: Int, using generator: inout some RandomNumberGenerator) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            let byte = UInt8.random(in: 0...255, using: &generator)
            if byte < 248 { result.append(alphabet[Int(byte % 62)]) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A fixed-width big-endian encoding, left-padded with "0".
    public static func encode(_ value: UInt32, width: Int) -> String {
        var digits: [UInt8] = []
        var remaining = UInt64(value)
        while remaining > 0 {
            digits.append(alphabet[Int(remaining % 62)])
            remaining /= 62
        }
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    public static func isBase62(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}
