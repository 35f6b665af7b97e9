/// Hand-written syntax checks: no regex is compiled, and each runs in one pass over the bytes,
/// because they run on every claim.
enum Validators {
    /// A practical email syntax check (RFC 5321 sizes, dot-atom local part, LDH domain labels,
    /// at least two labels, a non-numeric TLD). Non-ASCII is allowed for internationalised mail.
    static func isValidEmail(_ raw: String) -> Bool {
        let bytes = Array(Normalizer.trimmed(raw).utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), !domain.isEmpty else { return false }
        guard local.first != dot, local.last != dot else { return false }
        var previous: UInt8 = 0
        for byte in local {
            guard isLocalByte(byte), !(byte == dot && previous == dot) else { return false }
            previous = byte
        }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.first != hyphen, label.last != hyphen else { return false }
            guard label.allSatisfy({ isAlphanumeric($0) || $0 == hyphen || $0 >= 0x80 }) else { return false }
        }
        let tld = labels[labels.count - 1]
        return tld.count >= 2 && !tld.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// E.164-ish: digits with optional spaces, dots, dashes and parentheses, an optional leading
    /// `+` (then no leading zero), and 7 to 15 digits in all.
    static func isValidPhone(_ raw: String) -> Bool {
        var digits = 0
        var plus = false
        var firstDigit: UInt8?
        for byte in Normalizer.trimmed(raw).utf8 {
            switch byte {
            case 0x30...0x39:
                if firstDigit == nil { firstDigit = byte }
                digits += 1
            case UInt8(ascii: "+"):
                guard digits == 0, !plus else { return false }
                plus = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"):
                continue
            default:
                return false
            }
        }
        if plus, firstDigit == UInt8(ascii: "0") { return false }
        return (7...15).contains(digits)
    }

    /// `^[A-TV-Z][0-9][0-9AB](\.?[0-9A-TV-Z]{1,4})?$`, case-insensitive, surrounding spaces ignored.
    static func isValidICD10(_ raw: String) -> Bool {
        let bytes = Array(Normalizer.trimmed(raw).utf8).map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 }
        guard bytes.count >= 3, bytes.count <= 8 else { return false }
        guard isCategoryLetter(bytes[0]), isDigit(bytes[1]) else { return false }
        guard isDigit(bytes[2]) || bytes[2] == UInt8(ascii: "A") || bytes[2] == UInt8(ascii: "B") else {
            return false
        }
        var rest = bytes[3...]
        if rest.first == dot { rest = rest.dropFirst() }
        if rest.isEmpty { return bytes.count == 3 }
        return rest.count <= 4 && rest.allSatisfy { isDigit($0) || isCategoryLetter($0) }
    }

    private static let dot = UInt8(ascii: ".")
    private static let hyphen = UInt8(ascii: "-")

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// A–Z without U (reserved in ICD-10).
    private static func isCategoryLetter(_ byte: UInt8) -> Bool {
        byte >= 0x41 && byte <= 0x5A && byte != UInt8(ascii: "U")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        if isAlphanumeric(byte) || byte >= 0x80 { return true }
        return "!#$%&'*+/=?^_`{|}~.-".utf8.contains(byte)
    }
}
