import Foundation

/// A webhook endpoint URL that passed the save-time checks, normalised for storage.
///
/// The parser is deliberately narrow: it accepts only plain ASCII `http(s)://host[:port]/path?query`
/// and refuses what URL parsers disagree on (backslashes, percent-encoded or numeric-shorthand
/// hosts, userinfo), so the host checked here is the host libcurl will connect to. The
/// connect-time address check still runs on every delivery; this one gives the admin an early,
/// readable error.
public struct WebhookURL: Sendable, Hashable, CustomStringConvertible {
    /// Longest URL accepted, in characters (all ASCII, so also bytes).
    public static let maximumLength = 2000

    /// The URL to store and request: as entered, minus surrounding whitespace, with the scheme
    /// and host lowercased.
    public let absoluteString: String
    /// `http` or `https`.
    public let scheme: String
    /// The host, lowercased; an IPv6 literal without its brackets.
    public let host: String
    /// The explicit port, if the URL has one.
    public let port: Int?
    /// The address, when the host is an IP literal.
    public let address: IPAddress?

    /// Validates `text` as typed into the webhook form.
    ///
    /// An IP-literal host (and `localhost`, which always means loopback) is judged by `policy`
    /// now; host names are judged when they are resolved at connect time.
    public init(validating text: String, policy: AddressPolicy) throws(WebhookURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .missing }
        guard trimmed.utf8.count <= WebhookURL.maximumLength else { throw .tooLong }

        let lowered = trimmed.lowercased()
        let scheme: String
        if lowered.hasPrefix("https://") {
            scheme = "https"
        } else if lowered.hasPrefix("http://") {
            scheme = "http"
        } else {
            throw .unsupportedScheme
        }
        guard trimmed.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else {
            throw .invalidCharacter
        }
        guard !trimmed.contains("#") else { throw .containsFragment }

        let afterScheme = trimmed.dropFirst(scheme.count + 3)
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        let rest = afterScheme[authorityEnd...]
        guard !authority.contains("@") else { throw .containsCredentials }

        let (hostText, portText) = try WebhookURL.splitAuthority(authority)
        let port = try portText.map { text throws(WebhookURLError) in try WebhookURL.parsePort(text) }
        let host = hostText.lowercased()
        let address = try WebhookURL.checkHost(host, bracketed: authority.hasPrefix("["))

        let judged = address ?? (WebhookURL.isLocalhost(host) ? IPAddress("127.0.0.1") : nil)
        if let judged, case .refused = policy.check(address: judged) {
            let name = address == nil ? host : judged.description
            throw .addressNotAllowed(detail: "\(name) is \(judged.category.phrase)")
        }

        let hostForURL = authority.hasPrefix("[") ? "[\(host)]" : host
        let portForURL = portText.map { ":\($0)" } ?? ""
        self.absoluteString = "\(scheme)://\(hostForURL)\(portForURL)\(rest)"
        self.scheme = scheme
        self.host = host
        self.port = port
        self.address = address
    }

    /// The stored form.
    public var description: String { absoluteString }

    /// Splits `host[:port]` or `[v6]:port`; the port text is returned unparsed.
    private static func splitAuthority(_ authority: Substring) throws(WebhookURLError) -> (Substring, Substring?) {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidHost }
            let host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.isEmpty { return (host, nil) }
            guard after.hasPrefix(":") else { throw .invalidHost }
            return (host, after.dropFirst())
        }
        let pieces = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { throw .invalidHost }  // an IPv6 address without brackets
        guard !pieces[0].isEmpty else { throw .missingHost }
        return (pieces[0], pieces.count == 2 ? pieces[1] : nil)
    }

    private static func parsePort(_ text: Substring) throws(WebhookURLError) -> Int {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy(\.isASCIIDigit), let value = Int(text),
            (1...65535).contains(value)
        else { throw .invalidPort }
        return value
    }

    /// Returns the address when `host` is an IP literal, checks it is a plausible domain name
    /// otherwise.
    private static func checkHost(_ host: String, bracketed: Bool) throws(WebhookURLError) -> IPAddress? {
        if bracketed {
            guard let address = IPAddress(host), address.family == .v6 else { throw .invalidHost }
            return address
        }
        if let address = IPAddress(host), address.family == .v4 { return address }

        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !name.isEmpty, name.utf8.count <= 253 else { throw .invalidHost }
        for label in labels {
            guard (1...63).contains(label.utf8.count),
                label.utf8.allSatisfy({ isHostByte($0) }),
                !label.hasPrefix("-"), !label.hasSuffix("-")
            else { throw .invalidHost }
        }
        // WHATWG URL parsers, and inet_aton behind getaddrinfo, read a host whose last label is
        // a number (`127.1`, `2130706433`, `0x7f.1`) as IPv4. Only the dotted-quad form has one
        // meaning everywhere, so the rest are refused rather than guessed at.
        if let last = labels.last, endsInNumber(last) { throw .nonStandardIPAddress }
        return nil
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }

    private static func endsInNumber(_ label: Substring) -> Bool {
        if label.allSatisfy(\.isASCIIDigit) { return true }
        guard label.hasPrefix("0x") else { return false }
        return label.dropFirst(2).allSatisfy(\.isHexDigit)
    }

    /// RFC 6761: `localhost` and its subdomains always resolve to loopback.
    private static func isLocalhost(_ host: String) -> Bool {
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        return name == "localhost" || name.hasSuffix(".localhost")
    }
}
