/// Values a case refuses outright. Entries are normalised like claim values before matching,
/// so a list may be written the way people type (mixed case, spaces in phone numbers).
public struct Blocklists: Sendable, Codable, Equatable, Hashable {
    /// Email addresses; matched after normalisation (case, `+tag`, Gmail dots).
    public var emails: [String]
    /// Email domains; a listed domain also blocks its subdomains.
    public var domains: [String]
    /// IP addresses, exact.
    public var ips: [String]
    /// Phone numbers; matched on normalised digits.
    public var phones: [String]

    public init(emails: [String] = [], domains: [String] = [], ips: [String] = [], phones: [String] = []) {
        self.emails = emails
        self.domains = domains
        self.ips = ips
        self.phones = phones
    }

    /// Whether every list is empty, so the check can be skipped cheaply.
    public var isEmpty: Bool {
        emails.isEmpty && domains.isEmpty && ips.isEmpty && phones.isEmpty
    }
}
