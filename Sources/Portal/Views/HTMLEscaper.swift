/// Escapes text for HTML element content and quoted attribute values, one Unicode scalar at a time.
///
/// Why not `Character`-level replacement (as swift-mustache does): a `"` followed by a combining
/// mark such as U+0301 forms one `Character` that is not equal to `"`, so a grapheme-based escaper
/// leaves the quote in place and the value breaks out of its attribute. Working on scalars sees
/// every `"` whatever follows it.
public enum HTMLEscaper {
    /// The escaped text; safe between tags and inside a single- or double-quoted attribute.
    public static func escape(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var needsWork = false
        for scalar in text.unicodeScalars where replacement(for: scalar) != nil {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        for scalar in text.unicodeScalars {
            if let entity = replacement(for: scalar) {
                output.append(contentsOf: entity.unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// The entity for a scalar that must not appear raw, or nil. NUL and the other C0 controls
    /// (but tab, newline and carriage return) have no business in a page and become U+FFFD.
    static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        case 0x27: "&#39;"
        case 0x60: "&#96;"
        case 0x09, 0x0A, 0x0D: nil
        case 0x00...0x1F, 0x7F: "\u{FFFD}"
        default: nil
        }
    }
}
