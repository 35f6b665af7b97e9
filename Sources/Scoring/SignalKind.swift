/// What a signal's value is. Raw values are stored by the database layer next to each
/// signal row, so they are a contract: never rename one.
public enum SignalKind: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// Normalised email: lowercase, `+tag` removed, dots removed for Gmail (googlemail → gmail).
    case email
    /// Phone digits: international prefix `00` dropped, NANP numbers given `1`.
    case phone
    /// Sorted name tokens, `|`, then the `address` key: catches a claimant with a new email.
    case nameAddress = "name_address"
    /// The normalised address: street tokens (abbreviated, units as `unit N`), postal code or
    /// city, country.
    case address
    /// The compacted street with one character deleted (and once intact), plus postal code and
    /// country: two addresses one edit apart share at least one of these keys.
    case addressVariant = "address_variant"
    /// The address without its unit numbers: flats in one building share it.
    case street
    /// IP address, lowercase; IPv4-mapped IPv6 reduced to IPv4.
    case ip
    /// Device id, trimmed and lowercased.
    case device
    /// The caller's hash of the payout account, trimmed and lowercased.
    case payoutAccount = "payout_account"
    /// Health: `enrollee|provider|YYYY-MM-DD` of the encounter.
    case encounter
}
