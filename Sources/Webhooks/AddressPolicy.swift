/// The SSRF guard: decides whether a webhook may connect to an address. It runs when a URL with
/// an IP literal is saved and again on every resolved address at connect time, so DNS rebinding
/// cannot slip a private address past the first check.
public struct AddressPolicy: Sendable {
    /// The answer for one address; a refusal carries the sentence shown in the delivery log.
    public enum Decision: Sendable, Hashable {
        case allowed
        /// `reason` reads like "refused: 127.0.0.1 is a loopback address".
        case refused(reason: String)
    }

    /// Networks the operator has opened on purpose (a receiver on the same host in development,
    /// a partner on a private link). Public addresses never need an entry.
    public let allowList: [IPNetwork]

    /// A policy that lets non-public addresses through only inside `allowList`.
    public init(allowList: [IPNetwork] = []) {
        self.allowList = allowList
    }

    /// Reads the allow-list as written in the server configuration: CIDR blocks or single
    /// addresses separated by commas and/or whitespace, e.g. `"127.0.0.0/8, ::1/128"`. An empty
    /// string allows nothing extra. A malformed entry is an error rather than skipped, so a typo
    /// cannot silently change what is reachable.
    public init(allowList configuration: String) throws(AddressPolicyError) {
        var networks: [IPNetwork] = []
        let entries = configuration.split { $0 == "," || $0.isWhitespace }
        for entry in entries {
            guard let network = IPNetwork(String(entry)) else {
                throw AddressPolicyError.invalidNetwork(String(entry))
            }
            networks.append(network)
        }
        self.allowList = networks
    }

    /// Allows public addresses, and non-public ones that the allow-list covers. An IPv4-mapped
    /// IPv6 address is matched against IPv4 entries too, since it reaches the same host.
    public func check(address: IPAddress) -> Decision {
        let category = address.category
        if category.isPublic { return .allowed }
        let candidates = [address] + (address.ipv4Mapped.map { [$0] } ?? [])
        if allowList.contains(where: { network in candidates.contains { network.contains($0) } }) {
            return .allowed
        }
        return .refused(reason: "refused: \(address) is \(category.phrase)")
    }

    /// Checks a textual IP literal; text that is not one is refused, because this guard only
    /// ever judges concrete addresses (host names are resolved first, then each address checked).
    public func check(address literal: String) -> Decision {
        guard let address = IPAddress(literal) else {
            return .refused(reason: "refused: \(literal) is not an IP address")
        }
        return check(address: address)
    }
}
