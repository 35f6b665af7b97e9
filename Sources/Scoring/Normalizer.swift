/// Turns what people type into matchable keys. Equal keys are what makes the history checks
/// work, so every rule here trades a little precision for catching the obvious variants.
enum Normalizer {
    /// Without leading and trailing whitespace (Unicode-aware, no Foundation; ASCII fast path).
    static func trimmed(_ raw: String) -> String {
        let utf8 = raw.utf8
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80 {
            if !isASCIISpace(first) && !isASCIISpace(last) { return raw }
        }
        let scalars = raw.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Trimmed and lowercased; nil when nothing is left.
    static func key(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let value = lowercased(trimmed(raw))
        return value.isEmpty ? nil : value
    }

    /// Lowercased, without allocating when the text is lowercase ASCII already (the usual case).
    static func lowercased(_ value: String) -> String {
        var ascii = true
        var upper = false
        for byte in value.utf8 {
            if byte >= 0x80 { ascii = false }
            if byte >= 0x41 && byte <= 0x5A { upper = true }
        }
        if !ascii { return value.lowercased() }
        if !upper { return value }
        return String(decoding: value.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Whether an optional field has any content.
    static func isBlank(_ raw: String?) -> Bool {
        guard let raw else { return true }
        if let first = raw.utf8.first, first < 0x80, !isASCIISpace(first) { return false }
        return !raw.unicodeScalars.contains { !$0.properties.isWhitespace }
    }

    /// The email as a mailbox identity, and its domain: lowercase, `+tag` dropped (most
    /// providers deliver tagged mail to the same box), Gmail dots dropped, googlemail → gmail.
    static func email(_ raw: String?) -> (address: String, domain: String)? {
        guard let value = key(raw), let at = value.lastIndex(of: "@") else { return nil }
        var local = Substring(value[..<at])
        var domain = String(value[value.index(after: at)...])
        while domain.hasSuffix(".") { domain.removeLast() }
        guard !local.isEmpty, !domain.isEmpty else { return nil }
        if let plus = local.firstIndex(of: "+"), plus != local.startIndex {
            local = local[..<plus]
        }
        if domain == "googlemail.com" { domain = "gmail.com" }
        if domain == "gmail.com" {
            let undotted = local.filter { $0 != "." }
            if !undotted.isEmpty { local = Substring(undotted) }
        }
        return ("\(local)@\(domain)", domain)
    }

    /// Phone digits, comparable across spellings: `00` international prefix dropped, and a
    /// 10-digit number from a US or Canadian address given its country code 1.
    static func phone(_ raw: String?, country: String?) -> String? {
        guard let raw else { return nil }
        var digits: [UInt8] = []
        var international = false
        var seenDigit = false
        for byte in raw.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte)
                seenDigit = true
            } else if byte == UInt8(ascii: "+") && !seenDigit {
                international = true
            }
        }
        if !international, digits.count > 2, digits[0] == 0x30, digits[1] == 0x30 {
            digits.removeFirst(2)
            international = true
        }
        let nanp = ["us", "ca"].contains(self.country(country))
        if !international, nanp, digits.count == 10 { digits.insert(UInt8(ascii: "1"), at: 0) }
        guard digits.count >= 5 else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    /// Name tokens, lowercased and sorted so "Obi Ada" matches "Ada Obi".
    static func name(first: String?, last: String?) -> String? {
        let tokens = words(first ?? "") + words(last ?? "")
        return tokens.isEmpty ? nil : tokens.sorted().joined(separator: " ")
    }

    /// IP address, lowercased; `::ffff:1.2.3.4` reduced to `1.2.3.4` so one host has one key.
    static func ip(_ raw: String?) -> String? {
        guard let value = key(raw) else { return nil }
        if value.hasPrefix("::ffff:"), value.contains(".") { return String(value.dropFirst(7)) }
        return value
    }

    /// Country folded to a short code where a few common spellings are known.
    static func country(_ raw: String?) -> String {
        let folded = words(raw ?? "").joined()
        switch folded {
        case "usa", "unitedstates", "unitedstatesofamerica": return "us"
        case "uk", "unitedkingdom", "greatbritain", "england": return "gb"
        default: return folded
        }
    }

    /// Lowercased runs of letters and digits; everything else separates words.
    static func words(_ raw: String) -> [String] {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(raw) }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The common case, on bytes: no Unicode property lookups.
    private static func asciiWords(_ raw: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in raw.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: current.append(byte)
            case 0x41...0x5A: current.append(byte + 32)
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
