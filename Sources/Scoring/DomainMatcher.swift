/// Domain-suffix matching shared by the disposable list and blocklists: a listed domain
/// also covers its subdomains, because throw-away services hand those out freely.
enum DomainMatcher {
    static func matches(_ domain: String, in set: Set<String>) -> Bool {
        guard !set.isEmpty else { return false }
        var candidate = Substring(domain)
        while true {
            if set.contains(String(candidate)) { return true }
            guard let dot = candidate.firstIndex(of: ".") else { return false }
            candidate = candidate[candidate.index(after: dot)...]
            if !candidate.contains(".") { return false }  // never match a bare TLD
        }
    }
}
