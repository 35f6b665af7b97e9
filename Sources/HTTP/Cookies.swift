/// Cookie parsing and `Set-Cookie` building.
public enum Cookies {
    /// Parses a `Cookie` header; the first occurrence of a name wins.
    public static func parse(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in header.split(separator: ";") {
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { continue }
            let name = pieces[0].trimmingASCIIWhitespace()
            var value = pieces[1].trimmingASCIIWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            if !name.isEmpty, result[name] == nil { result[name] = value }
        }
        return result
    }

    /// A session-style cookie: HttpOnly and SameSite=Lax always; `Secure` when the site is served over HTTPS.
    public static func setCookie(name: String, value: String, maxAge: Int?, secure: Bool, path: String = "/") -> String
    {
        var parts = ["\(name)=\(value)", "Path=\(path)", "HttpOnly", "SameSite=Lax"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }
}
