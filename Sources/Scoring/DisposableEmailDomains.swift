/// The disposable-mail domains shipped in `Resources/disposable-email-domains.txt`, embedded in
/// the binary so the engine never reads a file. Parsed once, on first use.
enum DisposableEmailDomains {
    static let all: Set<String> = parse(PackageResources.disposable_email_domains_txt)

    /// One domain a line, lowercase; `#` starts a comment; blank lines are ignored.
    static func parse(_ bytes: [UInt8]) -> Set<String> {
        var domains = Set<String>()
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            if let domain = Normalizer.key(String(content)) { domains.insert(domain) }
        }
        return domains
    }

    /// Whether `domain` or any parent domain of it (`x.mailinator.com`) is listed.
    static func contains(_ domain: String) -> Bool {
        DomainMatcher.matches(domain, in: all)
    }
}
